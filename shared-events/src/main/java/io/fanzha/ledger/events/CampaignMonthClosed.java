package io.fanzha.ledger.events;

import java.time.YearMonth;
import org.axonframework.serialization.Revision;

/** A month of the campaign has fully elapsed (recorded at 00:00 on the next month's first day). */
@Revision("1")
public record CampaignMonthClosed(String campaignId, YearMonth month) {}
