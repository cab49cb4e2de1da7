package io.fanzha.ledger.harness.torture;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.workload.WorkItem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recording commands sent by {@code clients} threads, as fast as the answers come, until stopped:
 * each takes the next item of the generator's list. Every answer is kept by the id the request
 * carried, with its status, its {@code Retry-After} and when it came, so a scenario can hold the
 * answers against the event store.
 */
final class CommandLoad implements AutoCloseable {

  /** One answer: the status ({@code 0} when no answer came) and {@code Retry-After}, if any. */
  record Answer(String id, int status, String retryAfter, long atNanos) {

    boolean acknowledged() {
      return status >= 200 && status < 300;
    }
  }

  private final List<WorkItem> items;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final Map<String, LedgerClient> clients = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final LedgerClient command;

  CommandLoad(URI commandUrl, List<WorkItem> items, int clients) {
    this.items = items;
    this.command = LedgerClient.of(commandUrl).withTimeout(Duration.ofSeconds(60));
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(this::send, "load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  private void send() {
    while (!stopping.get()) {
      int i = next.getAndIncrement();
      if (i >= items.size()) {
        return;
      }
      WorkItem item = items.get(i);
      String id = idOf(item);
      LedgerClient as = clients.computeIfAbsent(item.user(), u -> command.as(u, u));
      try {
        LedgerResponse answer = as.post(item.path(), item.body());
        answers.add(
            new Answer(id, answer.status(), answer.header("Retry-After"), System.nanoTime()));
      } catch (RuntimeException noAnswer) {
        answers.add(new Answer(id, 0, null, System.nanoTime()));
      }
    }
  }

  static String idOf(WorkItem item) {
    JsonNode body = LedgerClient.json().valueToTree(item.body());
    return body.path("id").asText();
  }

  /** The answers so far. */
  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** Answers that came after {@code nanos} ({@link System#nanoTime}). */
  List<Answer> answersSince(long nanos) {
    return answers.stream().filter(a -> a.atNanos() > nanos).toList();
  }

  /** Stops taking new items and waits for the requests in flight. */
  @Override
  public void close() {
    stopping.set(true);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(90).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
