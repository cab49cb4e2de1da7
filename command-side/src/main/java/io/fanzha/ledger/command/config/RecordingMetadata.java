package io.fanzha.ledger.command.config;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts who is acting (from the authenticated principal, never from the body), the request id and
 * the client address into the metadata of every command dispatched during a web request; Axon's
 * correlation data provider copies them onto every event the command causes.
 */
class RecordingMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

  static final List<String> KEYS =
      List.of(Actor.ACTOR, Actor.ROLE, Actor.UNIT, Actor.REQUEST_ID, Actor.CLIENT_ADDRESS);

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    return (index, command) -> {
      Map<String, String> metaData = new HashMap<>();
      CurrentUser.get()
          .ifPresent(
              user ->
                  metaData.putAll(
                      new Actor(user.username(), user.role(), user.unitId()).asMetaData()));
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
        HttpServletRequest request = attrs.getRequest();
        String requestId = RequestIds.of(request);
        if (requestId != null) {
          metaData.put(Actor.REQUEST_ID, requestId);
        }
        metaData.put(Actor.CLIENT_ADDRESS, request.getRemoteAddr());
      }
      return metaData.isEmpty() ? command : command.andMetaData(metaData);
    };
  }
}
