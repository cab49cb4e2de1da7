package io.fanzha.ledger.platform.access;

import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.security.LedgerUser;
import io.fanzha.ledger.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and lists the access trail. Writing never fails the request it describes: a refusal stays
 * a refusal even when MongoDB is away, and the miss is logged.
 */
@Component
public class AccessTrail {

  private static final Logger log = LoggerFactory.getLogger(AccessTrail.class);

  private final MongoTemplate mongo;
  private final String application;
  private final Clock clock = Clock.systemUTC();

  public AccessTrail(
      MongoTemplate mongo, @Value("${spring.application.name:fanzha}") String application) {
    this.mongo = mongo;
    this.application = application;
  }

  /** Records an access by the current user, in the current request. */
  public void record(AccessKind kind, String detail) {
    Optional<LedgerUser> user = CurrentUser.get();
    record(
        kind,
        user.map(LedgerUser::username).orElse(null),
        user.map(u -> u.role().name()).orElse(null),
        user.map(LedgerUser::unitId).orElse(null),
        detail);
  }

  /** Records an access on behalf of a name that is not (yet) a signed-in user, e.g. one locked. */
  public void recordFor(String actor, AccessKind kind, String detail) {
    record(kind, actor, null, null, detail);
  }

  private void record(AccessKind kind, String actor, String role, String unitId, String detail) {
    HttpServletRequest request = currentRequest();
    AccessRecord entry =
        new AccessRecord(
            UUID.randomUUID().toString(),
            clock.instant(),
            kind,
            actor,
            role,
            unitId,
            application,
            request == null ? null : request.getMethod(),
            request == null ? null : request.getRequestURI(),
            request == null ? null : RequestIds.of(request),
            request == null ? null : request.getRemoteAddr(),
            detail);
    try {
      mongo.insert(entry);
    } catch (RuntimeException e) {
      log.warn("access trail: a {} entry could not be written: {}", kind, e.toString());
    }
  }

  /** A page of the trail, newest first; every filter is optional. */
  public Page page(AccessKind kind, String actor, Instant from, Instant to, int page, int size) {
    Criteria criteria = new Criteria();
    if (kind != null) {
      criteria.and("kind").is(kind);
    }
    if (actor != null) {
      criteria.and("actor").is(actor);
    }
    if (from != null || to != null) {
      Criteria at = criteria.and("at");
      if (from != null) {
        at.gte(from);
      }
      if (to != null) {
        at.lt(to);
      }
    }
    Query query = new Query(criteria);
    long total = mongo.count(query, AccessRecord.class);
    query
        .with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")))
        .skip((long) page * size)
        .limit(size);
    return new Page(mongo.find(query, AccessRecord.class), page, size, total);
  }

  /** A page of the access trail, newest first. */
  public record Page(List<AccessRecord> items, int page, int size, long total) {}

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? servlet.getRequest()
        : null;
  }
}
