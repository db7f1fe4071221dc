package org.hth.hotline.standin.call;

/**
 * Runs a dialplan subroutine on a call's line at once, as Asterisk's {@code ast_app_exec_sub} does for
 * {@code Dial}'s {@code B()} option: {@code Gosub(location)} with {@code location} in Gosub's own syntax
 * ({@code [[context,]exten,]priority[(arg1,arg2,...)]}). Implementations run on the call's loop.
 */
@FunctionalInterface
public interface Subroutines {
    /** No dialplan: every location is missing. */
    Subroutines NONE = (call, location) -> false;

    /**
     * Runs the subroutine up to its {@code Return()}; false when the location does not exist (Asterisk then
     * logs a warning and the caller of the subroutine goes on).
     */
    boolean run(SimCall call, String location);
}
