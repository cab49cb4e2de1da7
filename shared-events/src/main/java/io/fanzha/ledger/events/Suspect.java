package io.fanzha.ledger.events;

import java.util.List;

/** What identifies the suspect of a lead: phone numbers, accounts, URLs or apps. */
public record Suspect(List<String> phones, List<String> accounts, List<String> urls) {

  public Suspect {
    phones = phones == null ? List.of() : List.copyOf(phones);
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    urls = urls == null ? List.of() : List.copyOf(urls);
  }
}
