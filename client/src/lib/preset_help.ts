// One line per preset for the lobby's picker, read from the preset data so it never goes stale.

export interface PresetFacts {
  name: string;
  subnets: number;
  slots: number;
  blocksPerSecond: number;
  durationBlocks: number;
  tempo: number;
}

/** The server's presets (shared/game/presets.ts) as the lobby describes them. */
export const PRESET_FACTS: PresetFacts[] = [
  { name: 'workshop', subnets: 3, slots: 6, blocksPerSecond: 5, durationBlocks: 9000, tempo: 45 },
  { name: 'march-2026', subnets: 128, slots: 128, blocksPerSecond: 1 / 12, durationBlocks: 7200, tempo: 360 },
  { name: 'mainnet', subnets: 128, slots: 128, blocksPerSecond: 1 / 12, durationBlocks: 7200, tempo: 360 },
];

const PURPOSE: Record<string, string> = {
  workshop: 'a 30-minute classroom game: few subnets, fast epochs, a halving half way',
  mainnet: "the chain's real constants at full scale (128 subnets × 256 UIDs)",
  'march-2026': 'the network of the seed article: Chutes, Templar and friends after the first halving',
};

export function presetHelp(f: PresetFacts): string {
  const minutes = f.blocksPerSecond > 0 ? Math.round(f.durationBlocks / f.blocksPerSecond / 60) : 0;
  const pace = f.blocksPerSecond >= 1 ? `${f.blocksPerSecond} blocks/s` : `a block every ${Math.round(1 / f.blocksPerSecond)} s`;
  const facts = `${f.subnets} subnets, ${f.slots} slots, tempo ${f.tempo}, ${pace}${minutes ? `, about ${minutes} min at speed 1` : ''}`;
  return PURPOSE[f.name] ? `${PURPOSE[f.name]} — ${facts}` : facts;
}
