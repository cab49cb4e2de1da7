/**
 * The benchmark's in-process measure (profile {@code bench} only, never in production): the same
 * commands the API sends, dispatched through the command gateway without HTTP, so the bench can set
 * the framework's own rate beside the HTTP rate.
 */
package io.fanzha.ledger.command.bench;
