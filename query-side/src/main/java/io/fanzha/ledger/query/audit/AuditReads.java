package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.security.LedgerUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Records every read of the audit trail and lists the records, newest first. */
@Service
public class AuditReads {

  private static final Logger log = LoggerFactory.getLogger(AuditReads.class);

  private final MongoTemplate mongo;
  private final Clock clock = Clock.systemUTC();

  public AuditReads(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Written before the answer goes out, so a read that fails half-way is still on record. */
  public void record(String requestId, String path, Map<String, String> filters, long count) {
    LedgerUser user = CurrentUser.require();
    AuditRead read =
        new AuditRead(
            UUID.randomUUID().toString(),
            clock.instant(),
            user.username(),
            user.role().name(),
            user.unitId(),
            requestId,
            new AuditRead.What(path, filters),
            count);
    mongo.insert(read);
    log.info("audit read by {} ({}): {} {} -> {}", read.actor(), read.role(), path, filters, count);
  }

  ReadsPage page(int page, int size) {
    Query query = new Query();
    long total = mongo.count(query, AuditRead.class);
    query
        .with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")))
        .skip((long) page * size)
        .limit(size);
    return new ReadsPage(mongo.find(query, AuditRead.class), page, size, total);
  }

  /** A page of access records, newest first. */
  public record ReadsPage(List<AuditRead> items, int page, int size, long total) {}
}
