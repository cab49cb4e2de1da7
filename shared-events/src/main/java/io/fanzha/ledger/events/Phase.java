package io.fanzha.ledger.events;

import java.time.LocalDate;

/** A stage of a campaign, e.g. 动员部署 or 集中宣传, from and to inclusive. */
public record Phase(String name, LocalDate from, LocalDate to) {}
