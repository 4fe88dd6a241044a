package dev.least.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The sign-in log of a snapshot, stored column-wise so that ten million events fit in a small heap:
 * strings are interned to int codes, enums and flags are bytes, UUID event ids are two longs, and
 * the list of per-policy results is interned as a whole (most sign-ins share a handful of result
 * vectors). Pairs that repeat — a latitude with its longitude, a device id with its trust type, a
 * resource id with its name — are interned as pairs, one int per event for each. Columns grow in
 * fixed-size chunks, so growth never copies what is already stored.
 *
 * <p>Build with {@link #builder()}; read with {@link #get(int)} or {@link #stream()}. A built log
 * is immutable.
 */
public final class SignInLog {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;
  private static final int FIRST_CHUNK = 256;

  private static final ClientAppType[] CLIENT_APPS = ClientAppType.values();
  private static final SignInOutcome[] OUTCOMES = SignInOutcome.values();
  private static final RiskLevel[] RISKS = RiskLevel.values();
  private static final Source[] SOURCES = Source.values();
  private static final PrincipalKind[] PRINCIPALS = PrincipalKind.values();
  private static final TriState[] TRIS = TriState.values();
  private static final ConditionalAccessStatus[] CA_STATUSES = ConditionalAccessStatus.values();

  private final int size;
  private final StringPool strings;
  private final PairPool stringPairs;
  private final PairPool coordinates;
  private final List<List<LoggedPolicyResult>> resultSets;
  private final long[][] time;
  private final long[][] idHi;
  private final long[][] idLo;
  private final Map<Integer, String> nonUuidIds;
  private final int[][] account;
  private final int[][] login;
  private final int[][] appId;
  private final int[][] appName;
  private final int[][] ip;
  private final int[][] country;
  private final int[][] city;
  private final int[][] clientAppRaw;
  private final int[][] platform;
  private final int[][] mfaMethod;
  private final int[][] errorCode;
  private final int[][] resultSet;
  private final int[][] geo; // coordinates pair code, -1 when absent
  private final int[][] device; // (device id, trust type) pair code, -1 when both absent
  private final int[][] resource; // (resource id, name) pair code, -1 when both absent
  private final byte[][] caStatus;
  private final byte[][] kinds; // source(2 bits) | principal(3 bits) | interactive(1 bit)
  private final byte[][] enums; // clientApp(3 bits) | outcome(2 bits) | risk(3 bits)
  private final byte[][] tris; // managed | compliant | mfaRequired | mfaPerformed, 2 bits each

  private SignInLog(Builder b) {
    this.size = b.size;
    this.strings = b.strings;
    this.stringPairs = b.stringPairs;
    this.coordinates = b.coordinates;
    this.resultSets = List.copyOf(b.resultSetValues);
    int chunks = (size + CHUNK - 1) >>> CHUNK_BITS;
    this.time = Arrays.copyOf(b.time, chunks);
    this.idHi = Arrays.copyOf(b.idHi, chunks);
    this.idLo = Arrays.copyOf(b.idLo, chunks);
    this.nonUuidIds = Map.copyOf(b.nonUuidIds);
    this.account = Arrays.copyOf(b.account, chunks);
    this.login = Arrays.copyOf(b.login, chunks);
    this.appId = Arrays.copyOf(b.appId, chunks);
    this.appName = Arrays.copyOf(b.appName, chunks);
    this.ip = Arrays.copyOf(b.ip, chunks);
    this.country = Arrays.copyOf(b.country, chunks);
    this.city = Arrays.copyOf(b.city, chunks);
    this.clientAppRaw = Arrays.copyOf(b.clientAppRaw, chunks);
    this.platform = Arrays.copyOf(b.platform, chunks);
    this.mfaMethod = Arrays.copyOf(b.mfaMethod, chunks);
    this.errorCode = Arrays.copyOf(b.errorCode, chunks);
    this.resultSet = Arrays.copyOf(b.resultSet, chunks);
    this.geo = Arrays.copyOf(b.geo, chunks);
    this.device = Arrays.copyOf(b.device, chunks);
    this.resource = Arrays.copyOf(b.resource, chunks);
    this.caStatus = Arrays.copyOf(b.caStatus, chunks);
    this.kinds = Arrays.copyOf(b.kinds, chunks);
    this.enums = Arrays.copyOf(b.enums, chunks);
    this.tris = Arrays.copyOf(b.tris, chunks);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An empty log. */
  public static SignInLog empty() {
    return builder().build();
  }

  public int size() {
    return size;
  }

  /** Number of distinct strings held (accounts, apps, IPs, …). */
  public int distinctStrings() {
    return strings.size();
  }

  public long epochMillis(int i) {
    check(i);
    return time[i >>> CHUNK_BITS][i & MASK];
  }

  public Source source(int i) {
    check(i);
    return SOURCES[(kinds[i >>> CHUNK_BITS][i & MASK] >>> 4) & 0x3];
  }

  public @Nullable String accountId(int i) {
    check(i);
    return strings.get(account[i >>> CHUNK_BITS][i & MASK]);
  }

  public PrincipalKind principalKind(int i) {
    check(i);
    return PRINCIPALS[(kinds[i >>> CHUNK_BITS][i & MASK] >>> 1) & 0x7];
  }

  public boolean interactive(int i) {
    check(i);
    return (kinds[i >>> CHUNK_BITS][i & MASK] & 0x1) != 0;
  }

  /** Whether the event at {@code i} has coordinates (cheaper than {@link #latitude(int)}). */
  public boolean hasCoordinates(int i) {
    check(i);
    return geo[i >>> CHUNK_BITS][i & MASK] >= 0;
  }

  public SignInOutcome outcome(int i) {
    check(i);
    return OUTCOMES[(enums[i >>> CHUNK_BITS][i & MASK] >>> 3) & 0x3];
  }

  public ClientAppType clientApp(int i) {
    check(i);
    return CLIENT_APPS[(enums[i >>> CHUNK_BITS][i & MASK] >>> 5) & 0x7];
  }

  public @Nullable String country(int i) {
    check(i);
    return strings.get(country[i >>> CHUNK_BITS][i & MASK]);
  }

  public @Nullable String city(int i) {
    check(i);
    return strings.get(city[i >>> CHUNK_BITS][i & MASK]);
  }

  public @Nullable String ip(int i) {
    check(i);
    return strings.get(ip[i >>> CHUNK_BITS][i & MASK]);
  }

  public @Nullable String appId(int i) {
    check(i);
    return strings.get(appId[i >>> CHUNK_BITS][i & MASK]);
  }

  /** Latitude in degrees, NaN when the log does not say. */
  public double latitude(int i) {
    check(i);
    int g = geo[i >>> CHUNK_BITS][i & MASK];
    return g < 0 ? Double.NaN : Double.longBitsToDouble(coordinates.first(g));
  }

  /** Longitude in degrees, NaN when the log does not say. */
  public double longitude(int i) {
    check(i);
    int g = geo[i >>> CHUNK_BITS][i & MASK];
    return g < 0 ? Double.NaN : Double.longBitsToDouble(coordinates.second(g));
  }

  public String eventId(int i) {
    check(i);
    String other = nonUuidIds.get(i);
    if (other != null) {
      return other;
    }
    return new UUID(idHi[i >>> CHUNK_BITS][i & MASK], idLo[i >>> CHUNK_BITS][i & MASK]).toString();
  }

  // ---- interned codes, for callers that group events by their attributes without building them

  /** The string that {@code code} stands for in this log's columns; null for a null value. */
  public @Nullable String string(int code) {
    return strings.get(code);
  }

  /** The interned code of the event's account id (see {@link #string(int)}). */
  public int accountCode(int i) {
    check(i);
    return account[i >>> CHUNK_BITS][i & MASK];
  }

  /** The interned code of the event's app id. */
  public int appIdCode(int i) {
    check(i);
    return appId[i >>> CHUNK_BITS][i & MASK];
  }

  /** The interned code of the event's IP address. */
  public int ipCode(int i) {
    check(i);
    return ip[i >>> CHUNK_BITS][i & MASK];
  }

  /** The interned code of the event's country. */
  public int countryCode(int i) {
    check(i);
    return country[i >>> CHUNK_BITS][i & MASK];
  }

  /** The interned code of the event's device platform as logged. */
  public int platformCode(int i) {
    check(i);
    return platform[i >>> CHUNK_BITS][i & MASK];
  }

  /** The interned code of the event's MFA method. */
  public int mfaMethodCode(int i) {
    check(i);
    return mfaMethod[i >>> CHUNK_BITS][i & MASK];
  }

  /**
   * A code for the event's (device id, device trust type) pair: equal codes, equal pairs; -1 when
   * both are absent.
   */
  public int deviceCode(int i) {
    check(i);
    return device[i >>> CHUNK_BITS][i & MASK];
  }

  /** Entra {@code status.errorCode}; 0 for success and for Okta events. */
  public int errorCode(int i) {
    check(i);
    return errorCode[i >>> CHUNK_BITS][i & MASK];
  }

  public @Nullable String mfaMethod(int i) {
    check(i);
    return strings.get(mfaMethod[i >>> CHUNK_BITS][i & MASK]);
  }

  /** The device platform as logged. */
  public @Nullable String devicePlatform(int i) {
    check(i);
    return strings.get(platform[i >>> CHUNK_BITS][i & MASK]);
  }

  /** The logged device id ("" for Entra's unregistered device), as {@link #get(int)} gives it. */
  public @Nullable String deviceId(int i) {
    check(i);
    int d = device[i >>> CHUNK_BITS][i & MASK];
    return d < 0 ? null : strings.get((int) stringPairs.first(d));
  }

  /** The logged device trust type, as {@link #get(int)} gives it. */
  public @Nullable String deviceTrustType(int i) {
    check(i);
    int d = device[i >>> CHUNK_BITS][i & MASK];
    return d < 0 ? null : strings.get((int) stringPairs.second(d));
  }

  public RiskLevel riskLevel(int i) {
    check(i);
    return RISKS[enums[i >>> CHUNK_BITS][i & MASK] & 0x7];
  }

  public TriState deviceManaged(int i) {
    check(i);
    return TRIS[(tris[i >>> CHUNK_BITS][i & MASK] >>> 6) & 0x3];
  }

  public TriState deviceCompliant(int i) {
    check(i);
    return TRIS[(tris[i >>> CHUNK_BITS][i & MASK] >>> 4) & 0x3];
  }

  public TriState mfaPerformed(int i) {
    check(i);
    return TRIS[tris[i >>> CHUNK_BITS][i & MASK] & 0x3];
  }

  /**
   * The code of the event's per-policy result list: the log interns each distinct list once, so
   * equal codes mean equal lists (see {@link #resultSet(int)}).
   */
  public int resultSetCode(int i) {
    check(i);
    return resultSet[i >>> CHUNK_BITS][i & MASK];
  }

  /** The per-policy result list with code {@code code}, as {@link #get(int)} gives it. */
  public List<LoggedPolicyResult> resultSet(int code) {
    return resultSets.get(code);
  }

  /** The event at {@code i} as a record (a fresh object on each call). */
  public SignInEvent get(int i) {
    check(i);
    int c = i >>> CHUNK_BITS;
    int o = i & MASK;
    byte k = kinds[c][o];
    byte e = enums[c][o];
    byte t = tris[c][o];
    int g = geo[c][o];
    int d = device[c][o];
    int r = resource[c][o];
    return new SignInEvent(
        eventId(i),
        SOURCES[(k >>> 4) & 0x3],
        time[c][o],
        PRINCIPALS[(k >>> 1) & 0x7],
        requireString(account[c][o], i),
        strings.get(login[c][o]),
        strings.get(appId[c][o]),
        strings.get(appName[c][o]),
        strings.get(ip[c][o]),
        strings.get(country[c][o]),
        strings.get(city[c][o]),
        CLIENT_APPS[(e >>> 5) & 0x7],
        strings.get(clientAppRaw[c][o]),
        (k & 0x1) != 0,
        strings.get(platform[c][o]),
        TRIS[(t >>> 6) & 0x3],
        TRIS[(t >>> 4) & 0x3],
        OUTCOMES[(e >>> 3) & 0x3],
        errorCode[c][o],
        TRIS[(t >>> 2) & 0x3],
        TRIS[t & 0x3],
        strings.get(mfaMethod[c][o]),
        RISKS[e & 0x7],
        resultSets.get(resultSet[c][o]),
        g < 0 ? Double.NaN : Double.longBitsToDouble(coordinates.first(g)),
        g < 0 ? Double.NaN : Double.longBitsToDouble(coordinates.second(g)),
        d < 0 ? null : strings.get((int) stringPairs.first(d)),
        d < 0 ? null : strings.get((int) stringPairs.second(d)),
        r < 0 ? null : strings.get((int) stringPairs.first(r)),
        r < 0 ? null : strings.get((int) stringPairs.second(r)),
        CA_STATUSES[caStatus[c][o]]);
  }

  /** All events in insertion order. */
  public Stream<SignInEvent> stream() {
    return IntStream.range(0, size).mapToObj(this::get);
  }

  /** Earliest event time, or -1 when empty. */
  public long minEpochMillis() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, time[i >>> CHUNK_BITS][i & MASK]);
    }
    return size == 0 ? -1 : min;
  }

  /** Latest event time, or -1 when empty. */
  public long maxEpochMillis() {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, time[i >>> CHUNK_BITS][i & MASK]);
    }
    return size == 0 ? -1 : max;
  }

  private String requireString(int code, int i) {
    String s = strings.get(code);
    if (s == null) {
      throw new IllegalStateException("event " + i + " has no account id");
    }
    return s;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("event index " + i + " out of 0.." + size);
    }
  }

  /** Accumulates events. Not thread-safe. */
  public static final class Builder {
    private int size;
    private final StringPool strings = new StringPool();
    private final PairPool stringPairs = new PairPool();
    private final PairPool coordinates = new PairPool();
    private final Map<List<LoggedPolicyResult>, Integer> resultSetCodes = new HashMap<>();

    /**
     * The stored result lists by identity: a parser that hands in the same list instance for the
     * same results (the Entra parser does) is answered without hashing the list.
     */
    private final Map<List<LoggedPolicyResult>, Integer> storedResultSets = new IdentityHashMap<>();

    private final List<List<LoggedPolicyResult>> resultSetValues = new ArrayList<>();
    private final Map<Integer, String> nonUuidIds = new HashMap<>();
    private long[][] time = new long[0][];
    private long[][] idHi = new long[0][];
    private long[][] idLo = new long[0][];
    private int[][] account = new int[0][];
    private int[][] login = new int[0][];
    private int[][] appId = new int[0][];
    private int[][] appName = new int[0][];
    private int[][] ip = new int[0][];
    private int[][] country = new int[0][];
    private int[][] city = new int[0][];
    private int[][] clientAppRaw = new int[0][];
    private int[][] platform = new int[0][];
    private int[][] mfaMethod = new int[0][];
    private int[][] errorCode = new int[0][];
    private int[][] resultSet = new int[0][];
    private int[][] geo = new int[0][];
    private int[][] device = new int[0][];
    private int[][] resource = new int[0][];
    private byte[][] caStatus = new byte[0][];
    private byte[][] kinds = new byte[0][];
    private byte[][] enums = new byte[0][];
    private byte[][] tris = new byte[0][];

    private Builder() {}

    public int size() {
      return size;
    }

    /** Appends one event. */
    public Builder add(SignInEvent ev) {
      int i = size;
      int c = i >>> CHUNK_BITS;
      int o = i & MASK;
      makeRoom(c, o);
      time[c][o] = ev.epochMillis();
      String id = ev.eventId();
      if (isCanonicalUuid(id)) {
        idHi[c][o] = hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
        idLo[c][o] = hex(id, 19, 23) << 48 | hex(id, 24, 36);
      } else {
        nonUuidIds.put(i, id);
      }
      account[c][o] = strings.intern(ev.accountId());
      login[c][o] = strings.intern(ev.login());
      appId[c][o] = strings.intern(ev.appId());
      appName[c][o] = strings.intern(ev.appName());
      ip[c][o] = strings.intern(ev.ip());
      country[c][o] = strings.intern(ev.country());
      city[c][o] = strings.intern(ev.city());
      clientAppRaw[c][o] = strings.intern(ev.clientAppRaw());
      platform[c][o] = strings.intern(ev.devicePlatform());
      mfaMethod[c][o] = strings.intern(ev.mfaMethod());
      errorCode[c][o] = ev.errorCode();
      resultSet[c][o] = internResults(ev.policyResults());
      geo[c][o] =
          ev.hasCoordinates()
              ? coordinates.intern(
                  Double.doubleToLongBits(ev.latitude()), Double.doubleToLongBits(ev.longitude()))
              : -1;
      device[c][o] = internPair(ev.deviceId(), ev.deviceTrustType());
      resource[c][o] = internPair(ev.resourceId(), ev.resourceName());
      caStatus[c][o] = (byte) ev.conditionalAccessStatus().ordinal();
      kinds[c][o] =
          (byte)
              ((ev.source().ordinal() << 4)
                  | (ev.principalKind().ordinal() << 1)
                  | (ev.interactive() ? 1 : 0));
      enums[c][o] =
          (byte)
              ((ev.clientApp().ordinal() << 5)
                  | (ev.outcome().ordinal() << 3)
                  | ev.riskLevel().ordinal());
      tris[c][o] =
          (byte)
              ((ev.deviceManaged().ordinal() << 6)
                  | (ev.deviceCompliant().ordinal() << 4)
                  | (ev.mfaRequired().ordinal() << 2)
                  | ev.mfaPerformed().ordinal());
      size++;
      return this;
    }

    public SignInLog build() {
      return new SignInLog(this);
    }

    /**
     * Appends every event of {@code other}, in order, as if each had been {@link #add added} here:
     * the result (events, and the codes of strings, pairs and result sets, which follow first
     * appearance) is the same as adding the events one by one. This is how parts of a log read on
     * several threads, each into its own builder, are joined in file order. {@code other} is left
     * unchanged and can be dropped afterwards.
     */
    public Builder append(Builder other) {
      if (other == this) {
        throw new IllegalArgumentException("cannot append a builder to itself");
      }
      int[] str = new int[other.strings.size()];
      for (int k = 0; k < str.length; k++) {
        str[k] = strings.intern(other.strings.get(k));
      }
      int[] pairs = new int[other.stringPairs.size()];
      for (int k = 0; k < pairs.length; k++) {
        int a = (int) other.stringPairs.first(k);
        int b = (int) other.stringPairs.second(k);
        pairs[k] = stringPairs.intern(a < 0 ? -1 : str[a], b < 0 ? -1 : str[b]);
      }
      int[] coords = new int[other.coordinates.size()];
      for (int k = 0; k < coords.length; k++) {
        coords[k] = coordinates.intern(other.coordinates.first(k), other.coordinates.second(k));
      }
      int[] sets = new int[other.resultSetValues.size()];
      for (int k = 0; k < sets.length; k++) {
        sets[k] = internResults(other.resultSetValues.get(k));
      }
      int base = size;
      other.nonUuidIds.forEach((i, id) -> nonUuidIds.put(base + i, id));
      for (int j = 0; j < other.size; j++) {
        int oc = j >>> CHUNK_BITS;
        int oo = j & MASK;
        int i = size;
        int c = i >>> CHUNK_BITS;
        int o = i & MASK;
        makeRoom(c, o);
        time[c][o] = other.time[oc][oo];
        idHi[c][o] = other.idHi[oc][oo];
        idLo[c][o] = other.idLo[oc][oo];
        account[c][o] = remap(str, other.account[oc][oo]);
        login[c][o] = remap(str, other.login[oc][oo]);
        appId[c][o] = remap(str, other.appId[oc][oo]);
        appName[c][o] = remap(str, other.appName[oc][oo]);
        ip[c][o] = remap(str, other.ip[oc][oo]);
        country[c][o] = remap(str, other.country[oc][oo]);
        city[c][o] = remap(str, other.city[oc][oo]);
        clientAppRaw[c][o] = remap(str, other.clientAppRaw[oc][oo]);
        platform[c][o] = remap(str, other.platform[oc][oo]);
        mfaMethod[c][o] = remap(str, other.mfaMethod[oc][oo]);
        errorCode[c][o] = other.errorCode[oc][oo];
        resultSet[c][o] = sets[other.resultSet[oc][oo]];
        geo[c][o] = remap(coords, other.geo[oc][oo]);
        device[c][o] = remap(pairs, other.device[oc][oo]);
        resource[c][o] = remap(pairs, other.resource[oc][oo]);
        caStatus[c][o] = other.caStatus[oc][oo];
        kinds[c][o] = other.kinds[oc][oo];
        enums[c][o] = other.enums[oc][oo];
        tris[c][o] = other.tris[oc][oo];
        size++;
      }
      return this;
    }

    /** {@code codes[code]}, or -1 (absent) for -1. */
    private static int remap(int[] codes, int code) {
      return code < 0 ? -1 : codes[code];
    }

    private int internPair(@Nullable String first, @Nullable String second) {
      if (first == null && second == null) {
        return -1;
      }
      return stringPairs.intern(strings.intern(first), strings.intern(second));
    }

    private int internResults(List<LoggedPolicyResult> results) {
      Integer code = storedResultSets.get(results);
      if (code != null) {
        return code;
      }
      code = resultSetCodes.get(results);
      if (code != null) {
        return code;
      }
      List<LoggedPolicyResult> copy = List.copyOf(results);
      int next = resultSetValues.size();
      resultSetValues.add(copy);
      resultSetCodes.put(copy, next);
      storedResultSets.put(copy, next);
      return next;
    }

    /** Makes row {@code o} of chunk {@code c} writable (the next row after the last). */
    private void makeRoom(int c, int o) {
      if (o == 0) {
        grow(c);
      } else if (o == time[c].length) {
        widen(c);
      }
    }

    private void grow(int c) {
      if (c >= time.length) {
        int n = Math.max(16, time.length * 2);
        time = Arrays.copyOf(time, n);
        idHi = Arrays.copyOf(idHi, n);
        idLo = Arrays.copyOf(idLo, n);
        account = Arrays.copyOf(account, n);
        login = Arrays.copyOf(login, n);
        appId = Arrays.copyOf(appId, n);
        appName = Arrays.copyOf(appName, n);
        ip = Arrays.copyOf(ip, n);
        country = Arrays.copyOf(country, n);
        city = Arrays.copyOf(city, n);
        clientAppRaw = Arrays.copyOf(clientAppRaw, n);
        platform = Arrays.copyOf(platform, n);
        mfaMethod = Arrays.copyOf(mfaMethod, n);
        errorCode = Arrays.copyOf(errorCode, n);
        resultSet = Arrays.copyOf(resultSet, n);
        geo = Arrays.copyOf(geo, n);
        device = Arrays.copyOf(device, n);
        resource = Arrays.copyOf(resource, n);
        caStatus = Arrays.copyOf(caStatus, n);
        kinds = Arrays.copyOf(kinds, n);
        enums = Arrays.copyOf(enums, n);
        tris = Arrays.copyOf(tris, n);
      }
      // The first chunk starts small and widens (a log of a few events, or one of the many
      // parts of a log read in parallel, should not cost 64k rows); later chunks are full size.
      int n = c == 0 ? FIRST_CHUNK : CHUNK;
      time[c] = new long[n];
      idHi[c] = new long[n];
      idLo[c] = new long[n];
      account[c] = new int[n];
      login[c] = new int[n];
      appId[c] = new int[n];
      appName[c] = new int[n];
      ip[c] = new int[n];
      country[c] = new int[n];
      city[c] = new int[n];
      clientAppRaw[c] = new int[n];
      platform[c] = new int[n];
      mfaMethod[c] = new int[n];
      errorCode[c] = new int[n];
      resultSet[c] = new int[n];
      geo[c] = new int[n];
      device[c] = new int[n];
      resource[c] = new int[n];
      caStatus[c] = new byte[n];
      kinds[c] = new byte[n];
      enums[c] = new byte[n];
      tris[c] = new byte[n];
    }

    /** Doubles the rows of chunk {@code c} (only the first chunk starts below full size). */
    private void widen(int c) {
      int n = Math.min(CHUNK, time[c].length * 2);
      time[c] = Arrays.copyOf(time[c], n);
      idHi[c] = Arrays.copyOf(idHi[c], n);
      idLo[c] = Arrays.copyOf(idLo[c], n);
      account[c] = Arrays.copyOf(account[c], n);
      login[c] = Arrays.copyOf(login[c], n);
      appId[c] = Arrays.copyOf(appId[c], n);
      appName[c] = Arrays.copyOf(appName[c], n);
      ip[c] = Arrays.copyOf(ip[c], n);
      country[c] = Arrays.copyOf(country[c], n);
      city[c] = Arrays.copyOf(city[c], n);
      clientAppRaw[c] = Arrays.copyOf(clientAppRaw[c], n);
      platform[c] = Arrays.copyOf(platform[c], n);
      mfaMethod[c] = Arrays.copyOf(mfaMethod[c], n);
      errorCode[c] = Arrays.copyOf(errorCode[c], n);
      resultSet[c] = Arrays.copyOf(resultSet[c], n);
      geo[c] = Arrays.copyOf(geo[c], n);
      device[c] = Arrays.copyOf(device[c], n);
      resource[c] = Arrays.copyOf(resource[c], n);
      caStatus[c] = Arrays.copyOf(caStatus[c], n);
      kinds[c] = Arrays.copyOf(kinds[c], n);
      enums[c] = Arrays.copyOf(enums[c], n);
      tris[c] = Arrays.copyOf(tris[c], n);
    }

    /**
     * Whether {@code id} is a UUID exactly as {@link UUID#toString()} writes it (lower-case hex,
     * dashes at 8, 13, 18 and 23), so that it can be stored as two longs and given back unchanged.
     */
    static boolean isCanonicalUuid(String id) {
      if (id.length() != 36) {
        return false;
      }
      for (int k = 0; k < 36; k++) {
        char ch = id.charAt(k);
        if (k == 8 || k == 13 || k == 18 || k == 23) {
          if (ch != '-') {
            return false;
          }
        } else if ((ch < '0' || ch > '9') && (ch < 'a' || ch > 'f')) {
          return false;
        }
      }
      return true;
    }

    /** The value of the lower-case hex digits {@code s[from, to)}; at most 16 of them. */
    private static long hex(String s, int from, int to) {
      long v = 0;
      for (int k = from; k < to; k++) {
        char ch = s.charAt(k);
        v = v << 4 | (ch <= '9' ? ch - '0' : ch - 'a' + 10);
      }
      return v;
    }
  }
}
