package io.fanzha.ledger.platform.web;

import java.net.URI;

/** Problem type URIs, relative to the API, one per kind of refusal. */
public final class ProblemTypes {

  private ProblemTypes() {}

  public static URI of(String slug) {
    return URI.create("/problems/" + slug);
  }
}
