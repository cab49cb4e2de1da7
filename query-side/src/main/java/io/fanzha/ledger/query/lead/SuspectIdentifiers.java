package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.Suspect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A suspect's phone numbers, accounts and URLs in one spelling each, so that leads naming the same
 * target link whatever way each unit wrote it down: a phone as its digits without a leading +86 or
 * 86 country code; an account without spaces; a URL with its scheme and host in lower case and no
 * trailing slash.
 */
public final class SuspectIdentifiers {

  /** What kind of identifier two leads share. */
  public enum Kind {
    PHONE,
    ACCOUNT,
    URL
  }

  /** One normalised identifier; {@link #key()} is its id in the index. */
  public record Identifier(Kind kind, String value) {

    public String key() {
      return kind + ":" + value;
    }

    static Identifier ofKey(String key) {
      int colon = key.indexOf(':');
      return new Identifier(Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }
  }

  private SuspectIdentifiers() {}

  /** Each distinct identifier once; those that normalise to nothing are left out. */
  public static List<Identifier> of(Suspect suspect) {
    Set<Identifier> found = new LinkedHashSet<>();
    if (suspect != null) {
      suspect.phones().forEach(p -> add(found, Kind.PHONE, phone(p)));
      suspect.accounts().forEach(a -> add(found, Kind.ACCOUNT, account(a)));
      suspect.urls().forEach(u -> add(found, Kind.URL, url(u)));
    }
    return new ArrayList<>(found);
  }

  private static void add(Set<Identifier> found, Kind kind, String value) {
    if (value != null && !value.isEmpty()) {
      found.add(new Identifier(kind, value));
    }
  }

  static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    boolean international = phone.strip().startsWith("+");
    // +86 138… or 86 138…: a Chinese mobile number has 11 digits after the country code
    if (digits.startsWith("86") && (international || digits.length() == 13)) {
      digits = digits.substring(2);
    }
    return digits;
  }

  static String account(String account) {
    return account == null ? null : account.replaceAll("\\s+", "");
  }

  static String url(String url) {
    if (url == null) {
      return null;
    }
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int scheme = trimmed.indexOf("://");
    if (scheme < 0) {
      int path = firstOf(trimmed, 0);
      return trimmed.substring(0, path).toLowerCase(Locale.ROOT) + trimmed.substring(path);
    }
    int path = firstOf(trimmed, scheme + 3);
    return trimmed.substring(0, path).toLowerCase(Locale.ROOT) + trimmed.substring(path);
  }

  /** Where the path, query or fragment begins after {@code from}, or the end. */
  private static int firstOf(String url, int from) {
    for (int i = from; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return url.length();
  }
}
