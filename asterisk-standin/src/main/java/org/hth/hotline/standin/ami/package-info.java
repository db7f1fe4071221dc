/**
 * The stand-in's AMI server: Asterisk's CRLF framing, login, actions and the broadcast of call events.
 * Runs on Netty event loops; nothing here knows about calls beyond the {@link org.hth.hotline.standin.ami.AmiBackend}.
 */
package org.hth.hotline.standin.ami;
