/**
 * What an account lets one message be, checked as the marketer types and again before launch, so a
 * message is never refused or silently cut at the gateway after the campaign started. Pure: the composer
 * runs it in the browser on the limits the page computed for each account (account-limits.ts).
 */
import type { SegmentCount } from "@/lib/sms/segments";

export interface MessageLimits {
  /** The vendor's display name, for messages. */
  vendorLabel: string;
  /** Longest text in characters (Masiv without long messages: 160). */
  maxCharacters?: number;
  /** Parts past which the gateway cuts or refuses (MTTM/Jasmin: 5 unless the operator changed it). */
  maxSegments?: number;
}

export interface LimitCheck {
  /** Problems that stop the campaign. */
  errors: string[];
  /** Problems the marketer should see but may accept. */
  warnings: string[];
}

/** Checks a text (as counted by `countSegments`) against an account's limits. */
export function checkMessageLimits(text: string, count: SegmentCount, limits: MessageLimits | undefined): LimitCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!limits) return { errors, warnings };
  // Masiv counts UTF-16 code units (`text.length`), as its adapter does.
  if (limits.maxCharacters !== undefined && text.length > limits.maxCharacters) {
    errors.push(
      `${limits.vendorLabel} sends at most ${limits.maxCharacters} characters on this account (long messages are not enabled); this message has ${text.length}.`,
    );
  }
  if (limits.maxSegments !== undefined && count.segments > limits.maxSegments) {
    warnings.push(
      `${limits.vendorLabel} cuts messages after ${limits.maxSegments} parts on this account; this one has ${count.segments}, so it will be refused rather than cut.`,
    );
  }
  return { errors, warnings };
}
