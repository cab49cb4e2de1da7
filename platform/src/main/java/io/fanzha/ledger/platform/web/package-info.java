/**
 * The HTTP conventions of api.md shared by both sides: request ids, body size limits, the id rule,
 * and every refusal answered once, as application/problem+json.
 */
package io.fanzha.ledger.platform.web;
