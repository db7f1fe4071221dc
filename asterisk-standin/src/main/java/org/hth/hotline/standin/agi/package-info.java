/**
 * The stand-in's FastAGI client: connects to the hotline's AGI server for a call, sends the {@code agi_*}
 * environment and answers commands as Asterisk 22's {@code res_agi} does. Runs on the call's Netty event loop.
 */
package org.hth.hotline.standin.agi;
