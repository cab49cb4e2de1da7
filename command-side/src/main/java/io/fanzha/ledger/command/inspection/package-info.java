/** Inspections by the street office: spot checks, mid-year and year-end (抽查, 年中, 年底检查). */
package io.fanzha.ledger.command.inspection;
