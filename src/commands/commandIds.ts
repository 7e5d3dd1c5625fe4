/** Every command the extension contributes (package.json `contributes.commands`). */
export const CommandId = {
  analyze: 'retentionLens.analyze',
  changeMapping: 'retentionLens.changeMapping',
  crrCalculator: 'retentionLens.crrCalculator',
} as const;
