// The hand-computed fixture of the subscriptions tests: eight customers over January–April 2024,
// data through 15 April (data end 2024-04-16, exclusive, so April is partial). Months; a
// snapshot is a period's last instant (Jan 31 23:59:59.999, …) and, for April, 2024-04-15T23:59:59.999.
//
// customer  subscriptions [start, end) @ MRR                      what it exercises
// alice     [Jan 15, active) @100                                 a new customer, still active
// bob       [Jan 10, Mar 5) @50; [Mar 5, active) @80              upgrade (expansion +30 in March)
// carol     [Jan 20, Feb 10) @200; [Feb 10, active) @120          downgrade (contraction 80 in February)
// dave      [Jan 5, Feb 20) @60                                   a cancellation mid-February
// erin      [Feb 3, Feb 25) @40                                   signup + churn inside February
// frank     [Jan 8, Feb 1) @30; [Mar 15, active) @45              ends exactly on a period boundary; reactivation
// grace     [Feb 1, active) @20 + [Feb 15, Apr 10) @10            two overlapping subscriptions; one ends (contraction)
// ivan      [Jan 12, Feb 12) @70; [Apr 2, Apr 9) @70              churn, then a return spell inside April
//
// Customer MRR at each snapshot, cancelAt 'date' (the end date as given):
//            Jan   Feb   Mar   Apr
// alice      100   100   100   100
// bob         50    50    80    80
// carol      200   120   120   120
// dave        60     0     0     0
// erin         0     0     0     0     (its spell never reaches a snapshot)
// frank       30     0    45    45     (end Feb 1 = first moment not subscribed: still on at Jan 31 23:59)
// grace        0    30    30    20
// ivan        70     0     0     0     (its April spell never reaches a snapshot)
// total      510   300   375   365
// customers    6     4     5     5
import type { SubRow } from './makeSubscriptions';

/** The eight customers above. */
export const FIXTURE: SubRow[] = [
  ['alice', '2024-01-15', '', 100],
  ['bob', '2024-01-10', '2024-03-05', 50],
  ['bob', '2024-03-05', '', 80],
  ['carol', '2024-01-20', '2024-02-10', 200],
  ['carol', '2024-02-10', '', 120],
  ['dave', '2024-01-05', '2024-02-20', 60],
  ['erin', '2024-02-03', '2024-02-25', 40],
  ['frank', '2024-01-08', '2024-02-01', 30],
  ['frank', '2024-03-15', '', 45],
  ['grace', '2024-02-01', '', 20],
  ['grace', '2024-02-15', '2024-04-10', 10],
  ['ivan', '2024-01-12', '2024-02-12', 70],
  ['ivan', '2024-04-02', '2024-04-09', 70],
];

/** Exclusive data end of the fixture: data through 15 April. */
export const FIXTURE_END = '2024-04-16';
