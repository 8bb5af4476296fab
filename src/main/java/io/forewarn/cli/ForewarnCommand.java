package io.forewarn.cli;

public class ForewarnCommand {
    public static void main(String[] args) {}
}
