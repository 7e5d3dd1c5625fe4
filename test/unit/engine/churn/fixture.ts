// The hand-computed churn fixture (W = 30 days, months Jan–Apr 2024, data through 2024-04-30).
// Worked by hand in the comments of crr.test.ts, inactivity.test.ts, lifecycle.test.ts and value.test.ts:
//   a  buys every 25–28 days from Jan 10 (one unbroken run: a customer at every boundary from Feb 1);
//   b  buys once, Jan 20;          c  Jan 25 and Mar 25 (59 days: reactivated in March);
//   d  Feb 5 and Feb 25;           e  Mar 10 and Apr 29 (50 days: churns and returns inside April);
//   f  once, on the last day;      g  Feb 1 and Mar 31 (churns Mar 2, back Mar 31: at both Mar 1 and Apr 1);
//   h  Apr 2, 5, 8 (usual gap 3, silent 22 days: at risk).
import type { Row } from '../makeDataset';

/** Rows of the fixture, amounts included (revenue a 50, b 100, c 50, d 10, e 80, f 15, g 110, h 3). */
export const CHURN_ROWS: Row[] = [
  ['a', '2024-01-10', 10], ['b', '2024-01-20', 100], ['c', '2024-01-25', 20], ['g', '2024-02-01', 50],
  ['a', '2024-02-05', 10], ['d', '2024-02-05', 5], ['d', '2024-02-25', 5], ['a', '2024-03-03', 10],
  ['e', '2024-03-10', 40], ['c', '2024-03-25', 30], ['a', '2024-03-28', 10], ['g', '2024-03-31', 60],
  ['h', '2024-04-02', 1], ['h', '2024-04-05', 1], ['h', '2024-04-08', 1], ['a', '2024-04-25', 10],
  ['e', '2024-04-29', 40], ['f', '2024-04-30', 15],
];

/** The fixture's periods and window. */
export const CHURN_OPTIONS = { period: 'month', weekStart: 'monday', windowDays: 30 } as const;
