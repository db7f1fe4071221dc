/**
 * Simulated calls: channels with Asterisk's names and ids, the caller's and the operators' behaviour, Dial,
 * and the AMI events of each call in Asterisk 22's order. Each call is confined to one Netty event loop.
 */
package org.hth.hotline.standin.call;
