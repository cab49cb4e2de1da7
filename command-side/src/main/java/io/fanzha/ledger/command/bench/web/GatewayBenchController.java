package io.fanzha.ledger.command.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.command.bench.GatewayRun;
import io.fanzha.ledger.platform.security.AccountAuthenticationProvider;
import io.fanzha.ledger.platform.web.Refusal;
import io.fanzha.ledger.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code POST /admin/bench/gateway} (profile {@code bench} only; the street office): carries out a
 * batch of the API's own requests in process, each as its own user, on {@code threads} threads, and
 * answers how fast the command gateway took them. Everything HTTP does before a controller is done
 * first and not timed: the users' credentials are checked (once each), the endpoint rules and the
 * bodies' constraints; then only the handler methods run, which build their commands and send them
 * through the gateway, with the metadata a web request would give them (the actor from the
 * authenticated user, a fresh request id, the caller's address).
 *
 * <p>It acts as other users, so it takes their passwords rather than trusting the caller, and it
 * exists only under the bench profile.
 */
@RestController
@Profile("bench")
class GatewayBenchController {

  static final int MAX_COMMANDS = 20_000;

  private static final Logger log = LoggerFactory.getLogger(GatewayBenchController.class);

  private final ApiCommands api;
  private final AccountAuthenticationProvider accounts;

  GatewayBenchController(ApiCommands api, AccountAuthenticationProvider accounts) {
    this.api = api;
    this.accounts = accounts;
  }

  /** One request of the API: {@code POST path} with {@code body}, sent as {@code user}. */
  record BenchCommand(
      @NotBlank String user, @NotBlank @Size(max = 500) String path, @NotNull JsonNode body) {}

  /**
   * @param credentials the password of every user of {@code commands}
   */
  record GatewayRequest(
      @NotNull @Min(1) @Max(256) Integer threads,
      @NotNull Map<@NotBlank String, @NotNull String> credentials,
      @NotEmpty @Size(max = MAX_COMMANDS) List<@NotNull @Valid BenchCommand> commands) {}

  @PostMapping("/admin/bench/gateway")
  GatewayRun run(@Valid @RequestBody GatewayRequest request, HttpServletRequest http)
      throws InterruptedException, ExecutionException {
    Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    Map<String, Authentication> actors = authenticate(request.credentials());
    List<ApiCommands.Prepared> prepared = new ArrayList<>(request.commands().size());
    for (BenchCommand command : request.commands()) {
      Authentication actor = actors.get(command.user());
      if (actor == null) {
        count(refusals, "unauthenticated");
        continue;
      }
      try {
        prepared.add(api.prepare(command.path(), command.body(), actor));
      } catch (ApiCommands.NotDispatched refused) {
        count(refusals, refused.reason);
      }
    }
    long notDispatched = request.commands().size() - prepared.size();

    int threads = Math.max(1, Math.min(request.threads(), prepared.size()));
    String clientAddress = http.getRemoteAddr();
    long[] latencies = new long[prepared.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong(notDispatched);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, "bench-gateway-" + names.incrementAndGet()));
    long elapsed;
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  for (int i = next.getAndIncrement(); i < latencies.length; ) {
                    ApiCommands.Prepared command = prepared.get(i);
                    actAs(command.actor(), http, clientAddress);
                    long begin = System.nanoTime();
                    try {
                      command.invoke();
                      accepted.incrementAndGet();
                    } catch (Throwable e) {
                      refused.incrementAndGet();
                      count(refusals, reason(e));
                    } finally {
                      latencies[i] = System.nanoTime() - begin;
                      SecurityContextHolder.clearContext();
                      RequestContextHolder.resetRequestAttributes();
                    }
                    i = next.getAndIncrement();
                  }
                  return null;
                }));
      }
      ready.await();
      long begin = System.nanoTime();
      go.countDown();
      for (Future<?> worker : workers) {
        worker.get();
      }
      elapsed = System.nanoTime() - begin;
    } finally {
      pool.shutdownNow();
    }
    Map<String, Integer> byReason = new TreeMap<>();
    refusals.forEach((reason, n) -> byReason.put(reason, n.get()));
    GatewayRun run =
        GatewayRun.of(
            request.commands().size(),
            threads,
            accepted.get(),
            refused.get(),
            byReason,
            elapsed,
            latencies);
    log.info(
        "gateway bench: {} commands on {} threads in {} ms, {} cmd/s, {} refused {}",
        run.commands(),
        run.threads(),
        Math.round(run.elapsedMs()),
        Math.round(run.commandsPerSecond()),
        run.refused(),
        byReason);
    return run;
  }

  private Map<String, Authentication> authenticate(Map<String, String> credentials) {
    Map<String, Authentication> actors = new HashMap<>();
    credentials.forEach(
        (user, password) -> {
          try {
            actors.put(
                user,
                accounts.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user, password)));
          } catch (AuthenticationException bad) {
            // its commands are counted as unauthenticated
          }
        });
    if (actors.size() < credentials.size()) {
      log.info(
          "gateway bench: {} of {} credentials refused",
          credentials.size() - actors.size(),
          credentials.size());
    }
    return actors;
  }

  /** What a web request of this user would give the command: see RecordingMetadata. */
  private static void actAs(Authentication actor, HttpServletRequest http, String clientAddress) {
    SecurityContextHolder.setContext(new SecurityContextImpl(actor));
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(
            new OneCommandsRequest(http, UUID.randomUUID().toString(), clientAddress)));
  }

  private static String reason(Throwable e) {
    return e instanceof Refusal refusal ? refusal.type() : e.getClass().getSimpleName();
  }

  private static void count(Map<String, AtomicInteger> refusals, String reason) {
    refusals.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
  }

  /**
   * The bench request as one command of it sees it: a request id of its own, the caller's address
   * read once (the container's request is not read from the worker threads).
   */
  private static final class OneCommandsRequest extends HttpServletRequestWrapper {
    private final String requestId;
    private final String clientAddress;

    OneCommandsRequest(HttpServletRequest request, String requestId, String clientAddress) {
      super(request);
      this.requestId = requestId;
      this.clientAddress = clientAddress;
    }

    @Override
    public Object getAttribute(String name) {
      return RequestIds.ATTRIBUTE.equals(name) ? requestId : super.getAttribute(name);
    }

    @Override
    public String getRemoteAddr() {
      return clientAddress;
    }
  }
}
