// One line per preset for the lobby's picker, read from the preset data so it never goes stale.

export interface PresetFacts {
  name: string;
  subnets: number;
  slots: number;
  blocksPerSecond: number;
  durationBlocks: number;
  tempo: number;
}

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
