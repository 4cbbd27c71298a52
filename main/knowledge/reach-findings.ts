// What the reach step points out even when Arena was reached: worded here, as data; main/diagnosis decides
// when each applies. "{name}" is filled from the finding's facts.

/** Beyond this, certificate dates and session expiry can be misjudged (Arena's Date header vs this computer). */
export const CLOCK_OFFSET_LIMIT_SECONDS = 120;

export const REACH_FINDING_TEXT = {
  'private-address': {
    id: 'private-address',
    text: "The Arena API host {host} resolved to {addresses}, which is not a public internet address. Arena's API hosts never resolve to one: a hosts-file entry on this computer, split DNS or a proxy's DNS answered instead. Ask the network administrator which DNS server answers for {host}, and check this computer's hosts file.",
  },
  'clock-offset': {
    id: 'clock-offset',
    text: "This computer's clock is {offset} {direction} Arena's. Certificate checks and session expiry depend on the clock: set this computer to take its time from the network automatically.",
  },
} as const;
