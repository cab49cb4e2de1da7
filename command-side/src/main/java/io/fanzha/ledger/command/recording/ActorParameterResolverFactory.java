package io.fanzha.ledger.command.recording;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/** Lets a command handler take the {@link Actor} as a parameter; registered via ServiceLoader. */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

  @Override
  public ParameterResolver<Actor> createInstance(
      Executable executable, Parameter[] parameters, int index) {
    if (!Actor.class.equals(parameters[index].getType())) {
      return null;
    }
    return new ParameterResolver<>() {
      @Override
      public Actor resolveParameterValue(Message<?> message) {
        return Actor.from(message.getMetaData());
      }

      @Override
      public boolean matches(Message<?> message) {
        return true;
      }
    };
  }
}
