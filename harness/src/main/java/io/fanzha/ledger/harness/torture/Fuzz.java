package io.fanzha.ledger.harness.torture;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hostile-input scenario: a street of its own (a community and a partner with accounts, so
 * every role has credentials), then generated malformed and oversized requests ({@link
 * HostileRequests}) to every endpoint of both sides. Each answer must be below 500, carry no stack
 * trace or exception name, and be problem+json when it is a 4xx; the event table must not grow by a
 * single row across any request.
 */
public final class Fuzz {

  private static final Logger log = LoggerFactory.getLogger(Fuzz.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A frame of a Java stack trace, or the name of an exception class. */
  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "(\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\))|([A-Z]\\w*(Exception|Error)\\b)|"
              + "(\\b(java|javax|jakarta|org\\.springframework|org\\.apache|org\\.axonframework"
              + "|com\\.fasterxml|com\\.mongodb)\\.[a-z]\\w*\\.)");

  /** The figures of a run; {@code failures} holds the first few answers that broke a rule. */
  public record Result(
      long requests,
      long fiveXx,
      long stackTraces,
      long notProblemJson,
      long noAnswer,
      long recorded,
      double seconds,
      Map<String, Long> byStatus,
      List<String> failures) {

    public boolean passed() {
      return fiveXx == 0
          && stackTraces == 0
          && notProblemJson == 0
          && noAnswer == 0
          && recorded == 0
          && requests > 0;
    }

    public String line() {
      return String.format(
          "fuzz: %d requests in %.0f s, %d 5xx, %d with a stack trace, %d 4xx not problem+json,"
              + " %d unanswered, %d events recorded; statuses %s — %s",
          requests,
          seconds,
          fiveXx,
          stackTraces,
          notProblemJson,
          noAnswer,
          recorded,
          byStatus,
          passed() ? "PASS" : "FAIL");
    }
  }

  /** The credentials of each role in the matrix, opened by {@link #openAccounts}. */
  public record Street(Map<String, String[]> credentials) {}

  private Fuzz() {}

  /**
   * Opens a street office, a community and a bank branch with an account for each unit-bound role,
   * beside the demo accounts of the other roles (password = name).
   */
  public static Street openAccounts(LedgerStack stack, String run) {
    LedgerClient street = LedgerClient.of(stack.commandUrl()).as("street", "street");
    LedgerClient.awaitLogin(street, Duration.ofSeconds(60));
    String office = "fz-so-" + run;
    String community = "fz-c-" + run;
    String bank = "fz-bank-" + run;
    created(
        street.post(
            "/api/units", Map.of("id", office, "name", "模糊街道 " + run, "kind", "STREET_OFFICE")));
    created(
        street.post(
            "/api/units",
            Map.of(
                "id",
                community,
                "name",
                "模糊社区 " + run,
                "kind",
                "COMMUNITY",
                "parentId",
                office,
                "population",
                9000)));
    created(
        street.post(
            "/api/units", Map.of("id", bank, "name", "模糊银行 " + run, "kind", "BANK_BRANCH")));
    Map<String, String[]> credentials = new LinkedHashMap<>();
    credentials.put("STREET_OFFICE", new String[] {"street", "street"});
    credentials.put("POLICE", new String[] {"police", "police"});
    credentials.put("LEADERSHIP", new String[] {"leader", "leader"});
    credentials.put("AUDITOR", new String[] {"auditor", "auditor"});
    for (String[] account :
        List.of(new String[] {"COMMUNITY", community}, new String[] {"PARTNER", bank})) {
      String user = "fz-" + account[0].toLowerCase() + "-" + run;
      created(
          street.post(
              "/api/accounts",
              Map.of(
                  "username", user, "password", user, "role", account[0], "unitId", account[1])));
      credentials.put(account[0], new String[] {user, user});
    }
    LedgerClient.awaitLogin(
        LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"), Duration.ofSeconds(60));
    for (String[] user : credentials.values()) {
      LedgerClient.awaitLogin(
          LedgerClient.of(stack.queryUrl()).as(user[0], user[1]), Duration.ofSeconds(60));
    }
    return new Street(credentials);
  }

  /** The generator of hostile requests for the matrix of the README at {@code repoRoot}. */
  public static Arbitrary<HostileRequest> requests(Path repoRoot, Street street) {
    return HostileRequests.against(
        EndpointMatrix.read(repoRoot.resolve("README.md")), street.credentials());
  }

  /** Sends {@code count} requests drawn from {@code requests} with {@code seed}. */
  public static Result run(
      LedgerStack stack, Arbitrary<HostileRequest> requests, int count, long seed) {
    EventStore events = new EventStore(stack.jdbcUrl());
    // jqwik samples outside a property from its thread's source of randomness: seed it
    SourceOfRandomness.create(Long.toString(seed));
    Iterator<HostileRequest> generated = requests.sampleStream().limit(count).iterator();
    long before = events.count();
    long begin = System.nanoTime();
    long fiveXx = 0;
    long stackTraces = 0;
    long notProblem = 0;
    long noAnswer = 0;
    long recorded = 0;
    Map<String, Long> byStatus = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HostileRequest request = generated.next();
      Verdict verdict = check(stack, request);
      List<String> broken = new ArrayList<>(verdict.broken());
      long now = events.count();
      if (now != before) {
        recorded += now - before;
        broken.add((now - before) + " events recorded");
        before = now;
      }
      for (String rule : broken) {
        if (rule.startsWith("5")) {
          fiveXx++;
        } else if (rule.startsWith("stack trace")) {
          stackTraces++;
        } else if (rule.startsWith("not problem+json")) {
          notProblem++;
        } else if (rule.startsWith("no answer")) {
          noAnswer++;
        }
      }
      if (!broken.isEmpty() && failures.size() < 20) {
        failures.add(broken + " <- " + request);
        log.warn("fuzz: {} <- {}", broken, request);
      }
      byStatus.merge(String.valueOf(verdict.status()), 1L, Long::sum);
      if ((i + 1) % 1000 == 0) {
        log.info("fuzz: {} of {} requests sent", i + 1, count);
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    return new Result(
        count, fiveXx, stackTraces, notProblem, noAnswer, recorded, seconds, byStatus, failures);
  }

  /** The status answered ({@code 0} for none) and the rules the answer breaks, if any. */
  public record Verdict(int status, List<String> broken) {}

  /** Sends {@code request} and judges the answer. */
  public static Verdict check(LedgerStack stack, HostileRequest request) {
    URI base = request.side().equals("command") ? stack.commandUrl() : stack.queryUrl();
    List<String> broken = new ArrayList<>();
    RawHttp.Answer answer;
    try {
      answer = RawHttp.send(base.getHost(), base.getPort(), request, TIMEOUT);
    } catch (IOException e) {
      broken.add("no answer: " + e);
      return new Verdict(0, broken);
    }
    if (answer.status() == 0) {
      broken.add("no answer (connection closed)");
      return new Verdict(0, broken);
    }
    String text = answer.text();
    if (answer.status() >= 500) {
      broken.add(answer.status() + ": " + abbreviate(text));
    }
    if (STACK_TRACE.matcher(text).find()) {
      broken.add("stack trace or exception name: " + abbreviate(text));
    }
    if (answer.status() >= 400 && answer.status() < 500 && !isProblem(answer)) {
      broken.add(
          "not problem+json ("
              + answer.status()
              + ", "
              + answer.header("content-type")
              + "): "
              + abbreviate(text));
    }
    return new Verdict(answer.status(), broken);
  }

  private static boolean isProblem(RawHttp.Answer answer) {
    String type = answer.header("content-type");
    if (type == null || !type.startsWith("application/problem+json")) {
      return false;
    }
    try {
      JsonNode problem = LedgerClient.json().readTree(answer.body());
      return problem.path("status").asInt() == answer.status()
          && problem.hasNonNull("type")
          && problem.hasNonNull("title");
    } catch (IOException notJson) {
      return false;
    }
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  private static void created(LedgerResponse answer) {
    if (answer.status() != 201 && answer.status() != 200) {
      throw new IllegalStateException("setting up the fuzz street: " + answer);
    }
  }
}
