package io.fanzha.ledger.command.recording;

/**
 * The rule of api.md for every create with a client-chosen id: the same id and body again records
 * nothing and answers as the first time; the same id with another body is refused.
 */
public final class Creates {

  private Creates() {}

  /**
   * @param recorded the fact this id already stands for, or {@code null} when it is new
   * @param requested the fact the request would record
   * @return true when the very same fact is already recorded
   * @throws IdAlreadyUsed when the id stands for another fact
   */
  public static boolean alreadyRecorded(Object recorded, Object requested, String what, String id) {
    if (recorded == null) {
      return false;
    }
    if (!recorded.equals(requested)) {
      throw new IdAlreadyUsed(what, id);
    }
    return true;
  }
}
