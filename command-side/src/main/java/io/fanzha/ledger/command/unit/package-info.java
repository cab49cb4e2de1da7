/** Units: the street office, its communities and partner units (banks, schools, police …). */
package io.fanzha.ledger.command.unit;
