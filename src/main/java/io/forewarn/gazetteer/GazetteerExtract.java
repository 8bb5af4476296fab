package io.forewarn.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The small GeoNames extract committed with Forewarn ({@code src/main/resources/gazetteer/}, see its NOTICE): the
 * places of the shipped scenarios and tests, read once. It is the gazetteer of a replay, and what a server
 * loads into an empty gazetteer table.
 */
public final class GazetteerExtract {

    public static final String CITIES = "cities1000.txt";
    public static final String ADMIN1 = "admin1CodesASCII.txt";
    public static final String REGIONS = "regions.txt";

    private static final String FOLDER = "/gazetteer/";

    /** The extract's rows, read on first use. */
    public record Rows(List<GeoName> places, List<Admin1Division> admin1, List<Region> regions) {
        public Rows {
            places = List.copyOf(places);
            admin1 = List.copyOf(admin1);
            regions = List.copyOf(regions);
        }
    }

    private static final class Holder {
        static final Rows ROWS = read();
        static final InMemoryPlaceNames NAMES = new InMemoryPlaceNames(ROWS.places(), ROWS.admin1(), ROWS.regions());
        static final GeoNamesGazetteer GAZETTEER = new GeoNamesGazetteer(NAMES);
    }

    private GazetteerExtract() {
    }

    public static Rows rows() {
        return Holder.ROWS;
    }

    public static GeoNamesGazetteer gazetteer() {
        return Holder.GAZETTEER;
    }

    /** The zones of the extract's towns within each of its divisions, regions and countries. */
    public static TownZones townZones() {
        return Holder.NAMES;
    }

    private static Rows read() {
        List<GeoName> places = new ArrayList<>();
        List<Admin1Division> admin1 = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        try (BufferedReader cities = open(CITIES); BufferedReader divisions = open(ADMIN1); BufferedReader named = open(REGIONS)) {
            GeoNamesFiles.readGeoNames(cities, "gazetteer/" + CITIES, places::add);
            GeoNamesFiles.readAdmin1(divisions, "gazetteer/" + ADMIN1, admin1::add);
            GeoNamesFiles.readRegions(named, "gazetteer/" + REGIONS, regions::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer extract", e);
        }
        return new Rows(places, admin1, regions);
    }

    /** One file of the extract, to read. */
    public static BufferedReader open(String file) {
        InputStream in = Objects.requireNonNull(GazetteerExtract.class.getResourceAsStream(FOLDER + file),
                () -> "the gazetteer extract has no " + file);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
