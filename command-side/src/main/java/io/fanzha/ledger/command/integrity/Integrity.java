package io.fanzha.ledger.command.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.PeriodSealed;
import io.fanzha.ledger.events.integrity.ChainHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/** Seals periods and verifies the whole stored history against the chain and the seals. */
@Service
@Profile("!axonserver")
public class Integrity {

  private static final Logger log = LoggerFactory.getLogger(Integrity.class);
  private static final String SEAL_TYPE = PeriodSealed.class.getName();

  public record Mismatch(String eventId, long position, String reason) {}

  public record Verdict(boolean valid, long checked, int sealsChecked, Mismatch firstMismatch) {}

  /** One recomputed link; a seal keeps its payload to be checked, other events keep none. */
  private record Recomputed(
      long position, String eventId, LocalDate day, String hash, byte[] sealPayload) {}

  private final EventChain chain;
  private final EventTable events;
  private final CommandGateway commands;
  private final ObjectMapper json = new ObjectMapper();

  public Integrity(EventChain chain, EventTable events, CommandGateway commands) {
    this.chain = chain;
    this.events = events;
    this.commands = commands;
  }

  /** Seals the events recorded so far whose day falls in the period. */
  public PeriodSealed seal(String sealId, LocalDate from, LocalDate to) {
    chain.extend();
    EventChain.Link head = chain.head();
    List<String> hashes = new ArrayList<>();
    for (Recomputed r : recompute()) {
      if (r.position() <= head.position() && within(r.day(), from, to)) {
        hashes.add(r.hash());
      }
    }
    PeriodSealed sealed =
        commands.sendAndWait(
            new SealPeriod(
                sealId,
                from,
                to,
                hashes.size(),
                ChainHash.merkleRoot(hashes),
                head.position(),
                head.hash()));
    log.info(
        "period {} to {} sealed over {} events", sealed.from(), sealed.to(), sealed.eventCount());
    return sealed;
  }

  /**
   * Recomputes every link from the first event on and compares it with the stored chain and every
   * seal. Reports the first event, at or before the end of the period, where they disagree.
   */
  public Verdict verify(LocalDate from, LocalDate to) {
    List<Recomputed> recomputed = recompute();
    Iterator<EventChain.Link> stored = chain.linksAfter(0).iterator();
    List<Mismatch> found = new ArrayList<>();
    EventChain.Link link = stored.hasNext() ? stored.next() : null;
    for (Recomputed r : recomputed) {
      while (link != null && link.position() < r.position()) {
        found.add(new Mismatch(link.eventId(), link.position(), "deleted"));
        link = stored.hasNext() ? stored.next() : null;
      }
      if (link == null) {
        break; // beyond the chain's head: not chained yet
      }
      if (link.position() > r.position()) {
        found.add(new Mismatch(r.eventId(), r.position(), "inserted"));
      } else {
        if (!link.eventId().equals(r.eventId())) {
          found.add(new Mismatch(r.eventId(), r.position(), "moved"));
        } else if (!link.hash().equals(r.hash())) {
          found.add(new Mismatch(r.eventId(), r.position(), "altered"));
        }
        link = stored.hasNext() ? stored.next() : null;
      }
    }
    while (link != null) {
      found.add(new Mismatch(link.eventId(), link.position(), "deleted"));
      link = stored.hasNext() ? stored.next() : null;
    }
    int seals = 0;
    for (Recomputed r : recomputed) {
      if (r.sealPayload() != null) {
        seals++;
        sealMismatch(r, recomputed).ifPresent(found::add);
      }
    }
    LocalDate last = to == null ? LocalDate.MAX : to;
    Mismatch first =
        found.stream()
            .filter(
                m ->
                    dayOf(recomputed, m.position()) == null
                        || !dayOf(recomputed, m.position()).isAfter(last))
            .min((a, b) -> Long.compare(a.position(), b.position()))
            .orElse(null);
    long checked = recomputed.stream().filter(r -> within(r.day(), from, to)).count();
    return new Verdict(first == null, checked, seals, first);
  }

  private java.util.Optional<Mismatch> sealMismatch(Recomputed sealEvent, List<Recomputed> all) {
    try {
      JsonNode seal = json.readTree(sealEvent.sealPayload());
      long headPosition = seal.path("headPosition").asLong();
      LocalDate from = LocalDate.parse(seal.path("from").asText());
      LocalDate to = LocalDate.parse(seal.path("to").asText());
      String headHash =
          all.stream()
              .filter(r -> r.position() <= headPosition)
              .reduce((a, b) -> b)
              .map(Recomputed::hash)
              .orElse(ChainHash.GENESIS);
      if (!headHash.equals(seal.path("headHash").asText())) {
        return java.util.Optional.of(
            new Mismatch(sealEvent.eventId(), sealEvent.position(), "seal head differs"));
      }
      List<String> hashes =
          all.stream()
              .filter(r -> r.position() <= headPosition && within(r.day(), from, to))
              .map(Recomputed::hash)
              .toList();
      if (!ChainHash.merkleRoot(hashes).equals(seal.path("merkleRoot").asText())) {
        return java.util.Optional.of(
            new Mismatch(sealEvent.eventId(), sealEvent.position(), "seal root differs"));
      }
      return java.util.Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Recomputed> recompute() {
    List<Recomputed> all = new ArrayList<>();
    String[] previous = {ChainHash.GENESIS};
    events.forEachAfter(
        0,
        e -> {
          previous[0] = ChainHash.link(previous[0], e);
          all.add(
              new Recomputed(
                  e.position(),
                  e.eventId(),
                  DueInstants.today(e.recordedAt()),
                  previous[0],
                  SEAL_TYPE.equals(e.payloadType()) ? e.payload() : null));
        });
    return all;
  }

  private static LocalDate dayOf(List<Recomputed> all, long position) {
    return all.stream()
        .filter(r -> r.position() == position)
        .map(Recomputed::day)
        .findFirst()
        .orElse(null);
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }
}
