package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.events.Role;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who is recording: taken from the metadata the web layer attaches to every command, never from a
 * command's own fields. The system itself (seeding, deadlines) acts without a role.
 */
public record Actor(String username, Role role, String unitId) {

  public static final String ACTOR = "actor";
  public static final String ROLE = "role";
  public static final String UNIT = "unitId";
  public static final String REQUEST_ID = "requestId";
  public static final String CLIENT_ADDRESS = "clientAddress";

  public static final Actor SYSTEM = new Actor("system", null, null);

  public static Actor from(MetaData metaData) {
    Object username = metaData.get(ACTOR);
    if (username == null) {
      return SYSTEM;
    }
    Object role = metaData.get(ROLE);
    Object unit = metaData.get(UNIT);
    return new Actor(
        username.toString(),
        role == null ? null : Role.valueOf(role.toString()),
        unit == null ? null : unit.toString());
  }

  public Map<String, String> asMetaData() {
    var map = new java.util.HashMap<String, String>();
    map.put(ACTOR, username);
    if (role != null) {
      map.put(ROLE, role.name());
    }
    if (unitId != null) {
      map.put(UNIT, unitId);
    }
    return map;
  }

  public boolean isSystem() {
    return role == null && "system".equals(username);
  }

  public boolean is(Role expected) {
    return role == expected;
  }

  /** Only a unit's own account records for that unit. */
  public void mustBeBoundTo(String unit) {
    if (unitId == null || !unitId.equals(unit)) {
      throw new ForeignUnit(unit);
    }
  }
}
