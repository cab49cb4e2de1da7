package io.fanzha.ledger.platform.security;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The accounts collection, looked up by its key, the username. */
@Component
public class Accounts {

  private final MongoTemplate mongo;

  public Accounts(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<Account> find(String username) {
    return Optional.ofNullable(mongo.findById(username, Account.class));
  }

  /** Inserts the account unless one of that name exists; answers the one that is stored. */
  public Account insertIfAbsent(Account account) {
    try {
      return mongo.insert(account);
    } catch (DuplicateKeyException alreadyThere) {
      return find(account.username()).orElseThrow(() -> alreadyThere);
    }
  }
}
