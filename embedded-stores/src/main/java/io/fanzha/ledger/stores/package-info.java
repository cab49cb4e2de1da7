/**
 * The stand-ins for the servers production uses, run as real servers on real sockets: an H2 TCP
 * server holding the event store and mongo-java-server speaking the MongoDB wire protocol.
 */
package io.fanzha.ledger.stores;
