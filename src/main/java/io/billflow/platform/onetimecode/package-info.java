/**
 * One-time codes sent by text to prove that someone holds a mobile: one component for every use (payout-account
 * change, a partner's confirmation of its settlement, an individual's portal sign-in). It issues a code
 * (superseding the challenge's open one, within the send limits and a daily limit per scope), keeps only its
 * keyed hash, expires it, counts wrong tries per code or per challenge, locks, and audits every step. Sending the
 * text is the caller's (it holds the recipient); the code is handed to it once and never stored. Owns
 * {@code one_time_code}. Named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("onetimecode")
package io.billflow.platform.onetimecode;
