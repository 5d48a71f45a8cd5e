/**
 * Keys, signatures and encryption: the authority's and the kiosk's keys sealed with Argon2id, the register
 * package's CMS envelope, field encryption and the blind index of the store, token signing keys, clerk PIN hashes.
 * The only package that imports Bouncy Castle. Uses {@code model} and the store's atomic file replacement.
 */
package kz.sailau.kiosk.crypto;
