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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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

  /** A seal found in the log, to be checked against the recomputed chain. */
  private record SealFound(String eventId, long position, LocalDate day, byte[] payload) {}

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
    Recomputed all = new Recomputed();
    String[] previous = {ChainHash.GENESIS};
    events.forEachAfter(
        0,
        e -> {
          previous[0] = ChainHash.link(previous[0], e);
          all.add(e.position(), DueInstants.today(e.recordedAt()), previous[0]);
        });
    Recomputed.Leaves leaves = all.leaves(head.position(), from, to);
    PeriodSealed sealed =
        commands.sendAndWait(
            new SealPeriod(
                sealId,
                from,
                to,
                leaves.count(),
                ChainHash.merkleRoot(leaves.hashes(), leaves.count()),
                head.position(),
                head.hash()));
    log.info(
        "period {} to {} sealed over {} events", sealed.from(), sealed.to(), sealed.eventCount());
    return sealed;
  }

  /**
   * Recomputes every link from the first event on and compares it with the stored chain and every
   * seal. Reports the first event, at or before the end of the period, where they disagree. Streams
   * the log and pages through the chain; what it keeps per event is its position, day and hash.
   */
  public Verdict verify(LocalDate from, LocalDate to) {
    LocalDate last = to == null ? LocalDate.MAX : to;
    Recomputed all = new Recomputed();
    List<SealFound> seals = new ArrayList<>();
    Mismatch[] first = {null};
    long[] checked = {0};
    String[] previous = {ChainHash.GENESIS};
    EventChain.Links links = chain.links();
    events.forEachAfter(
        0,
        e -> {
          String hash = ChainHash.link(previous[0], e);
          previous[0] = hash;
          LocalDate day = DueInstants.today(e.recordedAt());
          all.add(e.position(), day, hash);
          if (within(day, from, to)) {
            checked[0]++;
          }
          if (SEAL_TYPE.equals(e.payloadType())) {
            seals.add(new SealFound(e.eventId(), e.position(), day, e.payload()));
          }
          EventChain.Link link = links.peek();
          while (link != null && link.position() < e.position()) {
            note(first, new Mismatch(link.eventId(), link.position(), "deleted"), null, last);
            links.next();
            link = links.peek();
          }
          if (link == null) {
            return; // beyond the chain's head: not chained yet
          }
          if (link.position() > e.position()) {
            note(first, new Mismatch(e.eventId(), e.position(), "inserted"), day, last);
          } else {
            if (!link.eventId().equals(e.eventId())) {
              note(first, new Mismatch(e.eventId(), e.position(), "moved"), day, last);
            } else if (!link.hash().equals(hash)) {
              note(first, new Mismatch(e.eventId(), e.position(), "altered"), day, last);
            }
            links.next();
          }
        });
    for (EventChain.Link link = links.peek(); link != null; link = links.peek()) {
      note(first, new Mismatch(link.eventId(), link.position(), "deleted"), null, last);
      links.next();
    }
    for (SealFound seal : seals) {
      sealMismatch(seal, all).ifPresent(m -> note(first, m, seal.day(), last));
    }
    return new Verdict(first[0] == null, checked[0], seals.size(), first[0]);
  }

  /** Keeps the earliest mismatch on or before the period's end (or of unknown day). */
  private static void note(Mismatch[] first, Mismatch found, LocalDate day, LocalDate last) {
    if (day != null && day.isAfter(last)) {
      return;
    }
    if (first[0] == null || found.position() < first[0].position()) {
      first[0] = found;
    }
  }

  private Optional<Mismatch> sealMismatch(SealFound sealEvent, Recomputed all) {
    try {
      JsonNode seal = json.readTree(sealEvent.payload());
      long headPosition = seal.path("headPosition").asLong();
      LocalDate from = LocalDate.parse(seal.path("from").asText());
      LocalDate to = LocalDate.parse(seal.path("to").asText());
      if (!all.hashAtOrBefore(headPosition).equals(seal.path("headHash").asText())) {
        return Optional.of(
            new Mismatch(sealEvent.eventId(), sealEvent.position(), "seal head differs"));
      }
      Recomputed.Leaves leaves = all.leaves(headPosition, from, to);
      if (!ChainHash.merkleRoot(leaves.hashes(), leaves.count())
          .equals(seal.path("merkleRoot").asText())) {
        return Optional.of(
            new Mismatch(sealEvent.eventId(), sealEvent.position(), "seal root differs"));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /** Every event's position, day and link hash, in log order, in flat arrays. */
  private static final class Recomputed {
    private long[] positions = new long[1024];
    private long[] days = new long[1024];
    private byte[] hashes = new byte[1024 * ChainHash.DIGEST];
    private int size;

    record Leaves(byte[] hashes, int count) {}

    void add(long position, LocalDate day, String hash) {
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
        days = Arrays.copyOf(days, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2 * ChainHash.DIGEST);
      }
      positions[size] = position;
      days[size] = day.toEpochDay();
      System.arraycopy(
          HexFormat.of().parseHex(hash), 0, hashes, size * ChainHash.DIGEST, ChainHash.DIGEST);
      size++;
    }

    /** The hash of the last event at or before {@code position}, the genesis before the first. */
    String hashAtOrBefore(long position) {
      int found = Arrays.binarySearch(positions, 0, size, position);
      int index = found >= 0 ? found : -found - 2;
      return index < 0
          ? ChainHash.GENESIS
          : HexFormat.of()
              .formatHex(hashes, index * ChainHash.DIGEST, (index + 1) * ChainHash.DIGEST);
    }

    /** The hashes of the events up to {@code head} whose day falls in the period. */
    Leaves leaves(long head, LocalDate from, LocalDate to) {
      long first = from.toEpochDay();
      long lastDay = to.toEpochDay();
      int count = 0;
      for (int i = 0; i < size && positions[i] <= head; i++) {
        if (days[i] >= first && days[i] <= lastDay) {
          count++;
        }
      }
      byte[] leaves = new byte[count * ChainHash.DIGEST];
      int next = 0;
      for (int i = 0; i < size && positions[i] <= head; i++) {
        if (days[i] >= first && days[i] <= lastDay) {
          System.arraycopy(
              hashes, i * ChainHash.DIGEST, leaves, next * ChainHash.DIGEST, ChainHash.DIGEST);
          next++;
        }
      }
      return new Leaves(leaves, count);
    }
  }
}
