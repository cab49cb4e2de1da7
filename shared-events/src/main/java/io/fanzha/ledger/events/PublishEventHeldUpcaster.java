package io.fanzha.ledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a {@link PublishEventHeld} of revision 1, recorded before events could name cooperating
 * units, as revision 2 with none. The stored event is never rewritten.
 */
public class PublishEventHeldUpcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType REVISION_1 =
      new SimpleSerializedType(PublishEventHeld.class.getName(), "1");
  private static final SimpleSerializedType REVISION_2 =
      new SimpleSerializedType(PublishEventHeld.class.getName(), "2");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation event) {
    return REVISION_1.equals(event.getType());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
    return event.upcastPayload(
        REVISION_2,
        JsonNode.class,
        payload -> {
          ObjectNode upcast = ((ObjectNode) payload).deepCopy();
          upcast.putArray("cooperatingUnitIds");
          return upcast;
        });
  }
}
