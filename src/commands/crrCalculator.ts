import * as vscode from 'vscode';
import { crrFormula } from '../engine/churn/crr';

/** What the calculator shows; returned so tests can read it. */
export type CrrCalculatorResult = { crr: number; churn: number; warning?: string } | { error: string } | undefined;

const PROMPTS: [string, string][] = [
  ['S — customers at the start of the period', 'e.g. 1000'],
  ['E — customers at the end of the period', 'e.g. 900'],
  ['N — new customers acquired during the period', 'e.g. 200'],
];

/**
 * "Retention Lens: Customer Retention Rate Calculator": asks S, E and N, shows
 * CRR = ((E − N) / S) × 100 and churn = 100 − CRR, or says which input is wrong. Arguments
 * (S, E, N) skip the prompts (scripting and tests).
 */
export function crrCalculatorCommand() {
  return async (...given: unknown[]): Promise<CrrCalculatorResult> => {
    const inputs: string[] = [];
    for (let i = 0; i < 3; i++) {
      if (given[i] !== undefined) {
        inputs.push(String(given[i]));
        continue;
      }
      const value = await vscode.window.showInputBox({ title: 'Customer Retention Rate', prompt: PROMPTS[i][0], placeHolder: PROMPTS[i][1], ignoreFocusOut: true });
      if (value === undefined) return undefined;
      inputs.push(value);
    }
    const result = crrFormula(inputs[0], inputs[1], inputs[2]);
    if ('error' in result) void vscode.window.showErrorMessage(`Customer retention rate: ${result.error}`);
    else {
      const text = `Customer retention rate: ${result.crr}% · churn rate: ${result.churn}% (S = ${inputs[0]}, E = ${inputs[1]}, N = ${inputs[2]})`;
      void vscode.window.showInformationMessage(result.warning ? `${text}. ${result.warning}` : text);
    }
    return result;
  };
}
