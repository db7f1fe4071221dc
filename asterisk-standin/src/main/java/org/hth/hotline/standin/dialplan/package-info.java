/**
 * A tiny interpreter of Asterisk {@code extensions.conf} contexts (NoOp, Set, Answer, AGI, GotoIf, Dial,
 * VoiceMail, Hangup), so simulated calls follow the shipped dialplan, fallback branch included.
 */
package org.hth.hotline.standin.dialplan;
