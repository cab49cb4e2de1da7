package io.fanzha.ledger.events;

/** How a publicity event reached people (咨询台, 横幅, 展板 …). */
public enum PublicityFormat {
  CONSULTATION_DESK,
  BANNER,
  DISPLAY_BOARD,
  POSTER,
  LEAFLET,
  LECTURE,
  LED_SCREEN,
  SHORT_VIDEO,
  SMS,
  DOOR_TO_DOOR,
  PERFORMANCE,
  OTHER
}
