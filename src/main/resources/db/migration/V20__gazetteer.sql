-- The gazetteer (io.forewarn.gazetteer, io.forewarn.store.JdbcGazetteer): GeoNames rows as the files give them,
-- and the index of their names that containment of named places looks names up in.
--
-- geoname holds the 19 columns of GeoNames' "geoname" table (cities1000.txt), alternate names and cc2 as the
-- file writes them (comma-separated); admin1_code holds admin1CodesASCII.txt; gazetteer_region Forewarn's
-- regions.txt. gazetteer_name has one row per name a place is known by, folded as io.forewarn.place.Names
-- folds it, with the place's entry id (geonames:ID, admin1:CC.CODE, region:CC:name), whether the name is its
-- own (name or ASCII name) rather than an alternate one, and its population, which decides between places
-- of one name; a town's geonameid is kept beside its entry id for the join. `forewarn gazetteer import` replaces all four tables in one transaction.

CREATE TABLE geoname (
    geonameid         BIGINT           NOT NULL,
    name              VARCHAR(200)     NOT NULL,
    asciiname         VARCHAR(200)     NOT NULL,
    alternatenames    TEXT             NOT NULL,
    latitude          DOUBLE PRECISION NOT NULL,
    longitude         DOUBLE PRECISION NOT NULL,
    feature_class     VARCHAR(1)       NOT NULL,
    feature_code      VARCHAR(10)      NOT NULL,
    country_code      VARCHAR(2)       NOT NULL,
    cc2               VARCHAR(200)     NOT NULL,
    admin1_code       VARCHAR(20)      NOT NULL,
    admin2_code       VARCHAR(80)      NOT NULL,
    admin3_code       VARCHAR(20)      NOT NULL,
    admin4_code       VARCHAR(20)      NOT NULL,
    population        BIGINT           NOT NULL,
    elevation         INT,
    dem               INT              NOT NULL,
    timezone          VARCHAR(40)      NOT NULL,
    modification_date DATE,
    CONSTRAINT geoname_pk PRIMARY KEY (geonameid)
);

CREATE TABLE admin1_code (
    code      VARCHAR(30)  NOT NULL,
    name      VARCHAR(200) NOT NULL,
    asciiname VARCHAR(200) NOT NULL,
    geonameid BIGINT       NOT NULL,
    CONSTRAINT admin1_code_pk PRIMARY KEY (code)
);

CREATE TABLE gazetteer_region (
    country_code VARCHAR(2)    NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    admin1_codes VARCHAR(4000) NOT NULL,
    source       TEXT          NOT NULL,
    CONSTRAINT gazetteer_region_pk PRIMARY KEY (country_code, name)
);

CREATE TABLE gazetteer_name (
    place_level VARCHAR(10)  NOT NULL,
    name_key    VARCHAR(1000) NOT NULL,
    entry_id    VARCHAR(250) NOT NULL,
    geonameid   BIGINT,
    own         BOOLEAN      NOT NULL,
    population  BIGINT       NOT NULL,
    CONSTRAINT gazetteer_name_pk PRIMARY KEY (place_level, name_key, entry_id)
);
