package io.fanzha.ledger.events;

/** What a piece of evidence (佐证材料) is. */
public enum EvidenceKind {
  PHOTO,
  SIGN_IN_SHEET,
  DOCUMENT,
  OTHER
}
