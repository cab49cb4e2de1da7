/**
 * Who is asking: accounts kept in MongoDB (bcrypt), HTTP Basic with a short-lived cache of verified
 * credentials, or under profile {@code jwt} bearer tokens from an identity provider; and the
 * principal that carries role and unit into every event's metadata.
 */
package io.fanzha.ledger.platform.security;
