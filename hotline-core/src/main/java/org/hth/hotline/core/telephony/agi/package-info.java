/**
 * The FastAGI server and its one script, {@code route}: pick a language (the dialplan has answered), ring the
 * on-call operators step by step, then the fallback and a callback ticket. The server is Netty's: each call runs
 * as a chain of asynchronous steps on its connection's event loop (the line codec
 * {@code AgiLineDecoder}, the environment reader, the reply parser, the channel's
 * {@code send(command)}), and only the store calls run on a small executor of their own.
 */
package org.hth.hotline.core.telephony.agi;
