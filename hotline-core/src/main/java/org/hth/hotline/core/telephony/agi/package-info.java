/**
 * The FastAGI server and its one script, {@code route}: pick a language (the dialplan has answered), ring the
 * on-call operators step by step, then the fallback and a callback ticket. Everything runs on the AGI worker
 * threads.
 */
package org.hth.hotline.core.telephony.agi;
