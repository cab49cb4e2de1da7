/**
 * The monthly statistics read model (开展打击防范电信诈骗犯罪活动宣传工作情况统计表): per unit and month the publicity
 * events held, the leads found and the reports submitted, each kept once by its id; per campaign
 * its communities and period; per unit its name. The table of a month is tallied when asked, set
 * beside what each community reported, and answered as JSON, CSV or an Excel workbook.
 */
package io.fanzha.ledger.query.statistics;
