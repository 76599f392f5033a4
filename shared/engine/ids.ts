/** Branded identifiers: a coldkey is a wallet, a hotkey a key it owns that neurons and stake attach to. */
export type Coldkey = string & { readonly __brand: 'Coldkey' };
export type Hotkey = string & { readonly __brand: 'Hotkey' };
/** Subnet id; 0 is root. */
export type Netuid = number & { readonly __brand: 'Netuid' };
/** Position of a neuron inside a subnet (0 ≤ uid < maxAllowedUids). */
export type Uid = number & { readonly __brand: 'Uid' };

export const coldkey = (s: string) => s as Coldkey;
export const hotkey = (s: string) => s as Hotkey;
export const netuid = (n: number) => n as Netuid;
export const uid = (n: number) => n as Uid;
export const ROOT = 0 as Netuid;
