package org.hth.hotline.ops;

public final class HotlineCommand {
    public static void main(String[] args) {
    }
}
