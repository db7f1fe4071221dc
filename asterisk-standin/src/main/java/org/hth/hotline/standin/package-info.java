/**
 * The Asterisk stand-in: a faithful peer that speaks AMI (as a server) and FastAGI (as a client) over real
 * sockets, with Asterisk's framing and event order, driven by call scenarios.
 */
package org.hth.hotline.standin;
