var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// ../node_modules/hono/dist/http-exception.js
var HTTPException = class extends Error {
  static {
    __name(this, "HTTPException");
  }
  res;
  status;
  /**
  * Creates an instance of `HTTPException`.
  * @param status - HTTP status code for the exception. Defaults to 500.
  * @param options - Additional options for the exception.
  */
  constructor(status = 500, options) {
    super(options?.message, { cause: options?.cause });
    this.res = options?.res;
    this.status = status;
  }
  /**
  * Returns the response object associated with the exception.
  * If a response object is not provided, a new response is created with the error message and status code.
  * @returns The response object.
  */
  getResponse() {
    if (this.res) return new Response(this.res.body, {
      status: this.status,
      headers: this.res.headers
    });
    return new Response(this.message, { status: this.status });
  }
};

// ../node_modules/hono/dist/request/constants.js
var GET_MATCH_RESULT = /* @__PURE__ */ Symbol();

// ../node_modules/hono/dist/utils/buffer.js
var bufferToFormData = /* @__PURE__ */ __name((arrayBuffer, contentType) => {
  return new Response(arrayBuffer, { headers: { "Content-Type": contentType.replace(/^[^;]+/, (mediaType) => mediaType.toLowerCase()) } }).formData();
}, "bufferToFormData");

// ../node_modules/hono/dist/utils/body.js
var MAX_NESTED_OBJECTS = 1e4;
var isRawRequest = /* @__PURE__ */ __name((request) => "headers" in request, "isRawRequest");
var parseBody = /* @__PURE__ */ __name(async (request, options = /* @__PURE__ */ Object.create(null)) => {
  const { all = false, dot = false } = options;
  const mediaType = (isRawRequest(request) ? request.headers : request.raw.headers).get("Content-Type")?.split(";")[0].trim().toLowerCase();
  if (mediaType === "multipart/form-data" || mediaType === "application/x-www-form-urlencoded") return parseFormData(request, {
    all,
    dot
  });
  return {};
}, "parseBody");
async function parseFormData(request, options) {
  if (!isRawRequest(request) && request.bodyCache.formData) return convertFormDataToBodyData(await request.bodyCache.formData, options);
  const headers = isRawRequest(request) ? request.headers : request.raw.headers;
  const arrayBuffer = await request.arrayBuffer();
  const formDataPromise = bufferToFormData(arrayBuffer, headers.get("Content-Type") || "");
  if (!isRawRequest(request)) request.bodyCache.formData = formDataPromise;
  const formData = await formDataPromise;
  if (formData) return convertFormDataToBodyData(formData, options);
  return {};
}
__name(parseFormData, "parseFormData");
function convertFormDataToBodyData(formData, options) {
  const form = /* @__PURE__ */ Object.create(null);
  const nestingState = { count: 0 };
  formData.forEach((value, key) => {
    if (!(options.all || key.endsWith("[]"))) form[key] = value;
    else handleParsingAllValues(form, key, value);
  });
  if (options.dot) Object.entries(form).forEach(([key, value]) => {
    if (key.includes(".")) {
      handleParsingNestedValues(form, key, value, nestingState);
      delete form[key];
    }
  });
  return form;
}
__name(convertFormDataToBodyData, "convertFormDataToBodyData");
var handleParsingAllValues = /* @__PURE__ */ __name((form, key, value) => {
  if (form[key] !== void 0) {
    if (Array.isArray(form[key])) form[key].push(value);
    else form[key] = [form[key], value];
  } else if (!key.endsWith("[]")) form[key] = value;
  else form[key] = [value];
}, "handleParsingAllValues");
var handleParsingNestedValues = /* @__PURE__ */ __name((form, key, value, state) => {
  if (/(?:^|\.)__proto__\./.test(key)) return;
  let nestedForm = form;
  const keys = key.split(".", 34);
  if (keys.length > 33) throwNestingLimitExceeded();
  keys.forEach((key2, index) => {
    if (index === keys.length - 1) nestedForm[key2] = value;
    else {
      if (!nestedForm[key2] || typeof nestedForm[key2] !== "object" || Array.isArray(nestedForm[key2]) || nestedForm[key2] instanceof File) {
        if (state.count++ >= MAX_NESTED_OBJECTS) throwNestingLimitExceeded();
        nestedForm[key2] = /* @__PURE__ */ Object.create(null);
      }
      nestedForm = nestedForm[key2];
    }
  });
}, "handleParsingNestedValues");
var throwNestingLimitExceeded = /* @__PURE__ */ __name(() => {
  throw new Error("Nesting limit exceeded");
}, "throwNestingLimitExceeded");

// ../node_modules/hono/dist/utils/url.js
var splitPath = /* @__PURE__ */ __name((path) => {
  const paths = path.split("/");
  if (paths[0] === "") paths.shift();
  return paths;
}, "splitPath");
var splitRoutingPath = /* @__PURE__ */ __name((routePath2) => {
  const { groups, path } = extractGroupsFromPath(routePath2);
  const paths = splitPath(path);
  return replaceGroupMarks(paths, groups);
}, "splitRoutingPath");
var extractGroupsFromPath = /* @__PURE__ */ __name((path) => {
  const groups = [];
  path = path.replace(/\{[^}]+\}/g, (match2, index) => {
    const mark = `@${index}`;
    groups.push([mark, match2]);
    return mark;
  });
  return {
    groups,
    path
  };
}, "extractGroupsFromPath");
var replaceGroupMarks = /* @__PURE__ */ __name((paths, groups) => {
  for (let i = groups.length - 1; i >= 0; i--) {
    const [mark] = groups[i];
    for (let j = paths.length - 1; j >= 0; j--) if (paths[j].includes(mark)) {
      paths[j] = paths[j].replace(mark, groups[i][1]);
      break;
    }
  }
  return paths;
}, "replaceGroupMarks");
var patternCache = {};
var getPattern = /* @__PURE__ */ __name((label, next) => {
  if (label === "*") return "*";
  const match2 = label.match(/^\:([^\{\}]+)(?:\{(.+)\})?$/);
  if (match2) {
    const cacheKey2 = `${label}#${next}`;
    if (!patternCache[cacheKey2]) {
      if (match2[2]) patternCache[cacheKey2] = next && next[0] !== ":" && next[0] !== "*" ? [
        cacheKey2,
        match2[1],
        new RegExp(`^${match2[2]}(?=/${next})`)
      ] : [
        label,
        match2[1],
        new RegExp(`^${match2[2]}$`)
      ];
      else patternCache[cacheKey2] = [
        label,
        match2[1],
        true
      ];
    }
    return patternCache[cacheKey2];
  }
  return null;
}, "getPattern");
var tryDecode = /* @__PURE__ */ __name((str, decoder) => {
  try {
    return decoder(str);
  } catch {
    return str.replace(/(?:%[0-9A-Fa-f]{2})+/g, (match2) => {
      try {
        return decoder(match2);
      } catch {
        return match2;
      }
    });
  }
}, "tryDecode");
var decodeURIWithPreservedPercent = /* @__PURE__ */ __name((value) => decodeURI(value.includes("%25") ? value.replace(/%25/g, "%2525") : value), "decodeURIWithPreservedPercent");
var getPath = /* @__PURE__ */ __name((request) => {
  const url = request.url;
  const start = url.indexOf("/", url.indexOf(":") + 4);
  let i = start;
  for (; i < url.length; i++) {
    const charCode = url.charCodeAt(i);
    if (charCode === 37) {
      const queryIndex = url.indexOf("?", i);
      const hashIndex = url.indexOf("#", i);
      const end = queryIndex === -1 ? hashIndex === -1 ? void 0 : hashIndex : hashIndex === -1 ? queryIndex : Math.min(queryIndex, hashIndex);
      const path = url.slice(start, end);
      const decoded = tryDecode(path, decodeURIWithPreservedPercent);
      if (/%(?![0-9A-Fa-f]{2})/.test(path)) {
        const rewritten = new URL("http://localhost");
        rewritten.pathname = decoded.replace(/[\\\t\n\r]/g, encodeURIComponent);
        if (tryDecode(rewritten.pathname, decodeURIWithPreservedPercent) !== decoded) return tryDecode(path.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"), decodeURIWithPreservedPercent);
      }
      return decoded;
    } else if (charCode === 63 || charCode === 35) break;
  }
  return url.slice(start, i);
}, "getPath");
var getPathNoStrict = /* @__PURE__ */ __name((request) => {
  const result = getPath(request);
  return result.length > 1 && result.at(-1) === "/" ? result.slice(0, -1) : result;
}, "getPathNoStrict");
var mergePath = /* @__PURE__ */ __name((base, sub, ...rest) => {
  if (rest.length) sub = mergePath(sub, ...rest);
  return `${base?.[0] === "/" ? "" : "/"}${base}${sub === "/" ? "" : `${base?.at(-1) === "/" ? "" : "/"}${sub?.[0] === "/" ? sub.slice(1) : sub}`}`;
}, "mergePath");
var checkOptionalParameter = /* @__PURE__ */ __name((path) => {
  if (path.charCodeAt(path.length - 1) !== 63 || !path.includes(":")) return null;
  const segments = path.split("/");
  const results = [];
  let basePath = "";
  segments.forEach((segment) => {
    if (segment !== "" && !/\:/.test(segment)) basePath += "/" + segment;
    else if (/\:/.test(segment)) {
      if (segment.charCodeAt(segment.length - 1) === 63) {
        if (results.length === 0 && basePath === "") results.push("/");
        else results.push(basePath);
        const optionalSegment = segment.slice(0, -1);
        basePath += "/" + optionalSegment;
        results.push(basePath);
      } else basePath += "/" + segment;
    }
  });
  return results.filter((v, i, a) => a.indexOf(v) === i);
}, "checkOptionalParameter");
var tryDecodeURIComponent = /* @__PURE__ */ __name((str) => str.indexOf("%") !== -1 ? tryDecode(str, decodeURIComponent_) : str, "tryDecodeURIComponent");
var _decodeURI = /* @__PURE__ */ __name((value) => {
  if (value.indexOf("+") !== -1) value = value.replace(/\+/g, " ");
  return tryDecodeURIComponent(value);
}, "_decodeURI");
var _getQueryParam = /* @__PURE__ */ __name((url, key, multiple) => {
  const hashIndex = url.indexOf("#", 8);
  if (hashIndex !== -1) url = url.slice(0, hashIndex);
  let encoded;
  if (!multiple && key && !/[%+&=]/.test(key)) {
    const queryIndex = url.indexOf("?", 8);
    let keyIndex2 = queryIndex;
    if (keyIndex2 === -1) return;
    if (!url.startsWith(key, keyIndex2 + 1)) keyIndex2 = url.indexOf(`&${key}`, keyIndex2 + 1);
    while (keyIndex2 !== -1) {
      const trailingKeyCode = url.charCodeAt(keyIndex2 + key.length + 1);
      if (trailingKeyCode === 61 || trailingKeyCode === 38 || isNaN(trailingKeyCode)) {
        if (keyIndex2 > queryIndex && /(?:^|&)[^=&]*[%+]/.test(url.slice(queryIndex + 1, keyIndex2))) break;
        if (trailingKeyCode === 61) {
          const valueIndex = keyIndex2 + key.length + 2;
          const endIndex = url.indexOf("&", valueIndex);
          return _decodeURI(url.slice(valueIndex, endIndex === -1 ? void 0 : endIndex));
        }
        return "";
      }
      keyIndex2 = url.indexOf(`&${key}`, keyIndex2 + 1);
    }
    encoded = /[%+]/.test(url);
    if (!encoded) return;
  }
  const results = /* @__PURE__ */ Object.create(null);
  encoded ??= /[%+]/.test(url);
  let keyIndex = url.indexOf("?", 8);
  while (keyIndex !== -1) {
    const nextKeyIndex = url.indexOf("&", keyIndex + 1);
    let valueIndex = url.indexOf("=", keyIndex);
    if (valueIndex > nextKeyIndex && nextKeyIndex !== -1) valueIndex = -1;
    let name = url.slice(keyIndex + 1, valueIndex === -1 ? nextKeyIndex === -1 ? void 0 : nextKeyIndex : valueIndex);
    if (encoded) name = _decodeURI(name);
    keyIndex = nextKeyIndex;
    if (name === "") continue;
    let value;
    if (valueIndex === -1) value = "";
    else {
      value = url.slice(valueIndex + 1, nextKeyIndex === -1 ? void 0 : nextKeyIndex);
      if (encoded) value = _decodeURI(value);
    }
    if (multiple) {
      if (!(results[name] && Array.isArray(results[name]))) results[name] = [];
      results[name].push(value);
    } else results[name] ??= value;
  }
  return key ? results[key] : results;
}, "_getQueryParam");
var getQueryParam = _getQueryParam;
var getQueryParams = /* @__PURE__ */ __name((url, key) => {
  return _getQueryParam(url, key, true);
}, "getQueryParams");
var decodeURIComponent_ = decodeURIComponent;

// ../node_modules/hono/dist/request.js
var HonoRequest = class {
  static {
    __name(this, "HonoRequest");
  }
  /**
  * `.raw` can get the raw Request object.
  *
  * @see {@link https://hono.dev/docs/api/request#raw}
  *
  * @example
  * ```ts
  * // For Cloudflare Workers
  * app.post('/', async (c) => {
  *   const metadata = c.req.raw.cf?.hostMetadata?
  *   ...
  * })
  * ```
  */
  raw;
  #validatedData;
  #matchResult;
  routeIndex = 0;
  /**
  * `.path` can get the pathname of the request.
  *
  * @see {@link https://hono.dev/docs/api/request#path}
  *
  * @example
  * ```ts
  * app.get('/about/me', (c) => {
  *   const pathname = c.req.path // `/about/me`
  * })
  * ```
  */
  path;
  bodyCache = {};
  constructor(request, path = "/", matchResult = [[]]) {
    this.raw = request;
    this.path = path;
    this.#matchResult = matchResult;
  }
  param(key) {
    return key ? this.#getDecodedParam(key) : this.#getAllDecodedParams();
  }
  #getDecodedParam(key) {
    const paramKey = this.#matchResult[0][this.routeIndex]?.[1][key];
    const param = this.#getParamValue(paramKey);
    return param && tryDecodeURIComponent(param);
  }
  #getAllDecodedParams() {
    const decoded = {};
    const keys = Object.keys(this.#matchResult[0][this.routeIndex]?.[1] ?? {});
    for (const key of keys) {
      const value = this.#getParamValue(this.#matchResult[0][this.routeIndex][1][key]);
      if (value !== void 0) decoded[key] = tryDecodeURIComponent(value);
    }
    return decoded;
  }
  #getParamValue(paramKey) {
    return this.#matchResult[1] ? this.#matchResult[1][paramKey] : paramKey;
  }
  query(key) {
    return getQueryParam(this.url, key);
  }
  queries(key) {
    return getQueryParams(this.url, key);
  }
  header(name) {
    if (name) return this.raw.headers.get(name) ?? void 0;
    const headerData = /* @__PURE__ */ Object.create(null);
    this.raw.headers.forEach((value, key) => {
      headerData[key] = value;
    });
    return headerData;
  }
  async parseBody(options) {
    return parseBody(this, options);
  }
  #cachedBody = /* @__PURE__ */ __name((key) => {
    const { bodyCache, raw: raw2 } = this;
    const cachedBody = bodyCache[key];
    if (cachedBody) return cachedBody;
    for (const anyCachedKey in bodyCache) return bodyCache[anyCachedKey].then((body) => {
      if (anyCachedKey === "json") body = JSON.stringify(body);
      const contentType = anyCachedKey === "formData" ? void 0 : raw2.headers.get("content-type");
      return new Response(body, { headers: contentType ? { "Content-Type": contentType } : void 0 })[key]();
    });
    return bodyCache[key] = raw2[key]();
  }, "#cachedBody");
  /**
  * `.json()` can parse Request body of type `application/json`
  *
  * @see {@link https://hono.dev/docs/api/request#json}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.json()
  * })
  * ```
  */
  json() {
    return this.#cachedBody("text").then((text) => JSON.parse(text));
  }
  /**
  * `.text()` can parse Request body of type `text/plain`
  *
  * @see {@link https://hono.dev/docs/api/request#text}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.text()
  * })
  * ```
  */
  text() {
    return this.#cachedBody("text");
  }
  /**
  * `.arrayBuffer()` parse Request body as an `ArrayBuffer`
  *
  * @see {@link https://hono.dev/docs/api/request#arraybuffer}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.arrayBuffer()
  * })
  * ```
  */
  arrayBuffer() {
    return this.#cachedBody("arrayBuffer");
  }
  /**
  * `.bytes()` parses the request body as a `Uint8Array`.
  *
  * @see {@link https://hono.dev/docs/api/request#bytes}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.bytes()
  * })
  * ```
  */
  bytes() {
    return this.#cachedBody("arrayBuffer").then((buffer) => new Uint8Array(buffer));
  }
  /**
  * Parses the request body as a `Blob`.
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.blob();
  * });
  * ```
  * @see https://hono.dev/docs/api/request#blob
  */
  blob() {
    return this.#cachedBody("blob");
  }
  /**
  * Parses the request body as `FormData`.
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.formData();
  * });
  * ```
  * @see https://hono.dev/docs/api/request#formdata
  */
  formData() {
    return this.#cachedBody("formData");
  }
  /**
  * Adds validated data to the request.
  *
  * @param target - The target of the validation.
  * @param data - The validated data to add.
  */
  addValidatedData(target, data) {
    (this.#validatedData ??= {})[target] = data;
  }
  valid(target) {
    return this.#validatedData?.[target];
  }
  /**
  * `.url` can get the request url strings.
  *
  * @see {@link https://hono.dev/docs/api/request#url}
  *
  * @example
  * ```ts
  * app.get('/about/me', (c) => {
  *   const url = c.req.url // `http://localhost:8787/about/me`
  *   ...
  * })
  * ```
  */
  get url() {
    return this.raw.url;
  }
  /**
  * `.method` can get the method name of the request.
  *
  * @see {@link https://hono.dev/docs/api/request#method}
  *
  * @example
  * ```ts
  * app.get('/about/me', (c) => {
  *   const method = c.req.method // `GET`
  * })
  * ```
  */
  get method() {
    return this.raw.method;
  }
  get [GET_MATCH_RESULT]() {
    return this.#matchResult;
  }
  /**
  * `.matchedRoutes` can return a matched route in the handler
  *
  * @deprecated
  *
  * Use matchedRoutes helper defined in "hono/route" instead.
  *
  * @see {@link https://hono.dev/docs/api/request#matchedroutes}
  *
  * @example
  * ```ts
  * app.use('*', async function logger(c, next) {
  *   await next()
  *   c.req.matchedRoutes.forEach(({ handler, method, path }, i) => {
  *     const name = handler.name || (handler.length < 2 ? '[handler]' : '[middleware]')
  *     console.log(
  *       method,
  *       ' ',
  *       path,
  *       ' '.repeat(Math.max(10 - path.length, 0)),
  *       name,
  *       i === c.req.routeIndex ? '<- respond from here' : ''
  *     )
  *   })
  * })
  * ```
  */
  get matchedRoutes() {
    return this.#matchResult[0].map(([[, route2]]) => route2);
  }
  /**
  * `.routePath` can retrieve the path registered within the handler
  *
  * @deprecated
  *
  * Use routePath helper defined in "hono/route" instead.
  *
  * @see {@link https://hono.dev/docs/api/request#routepath}
  *
  * @example
  * ```ts
  * app.get('/posts/:id', (c) => {
  *   return c.json({ path: c.req.routePath })
  * })
  * ```
  */
  get routePath() {
    return this.#matchResult[0].map(([[, route2]]) => route2)[this.routeIndex].path;
  }
};

// ../node_modules/hono/dist/utils/html.js
var HtmlEscapedCallbackPhase = {
  Stringify: 1,
  BeforeStream: 2,
  Stream: 3
};
var raw = /* @__PURE__ */ __name((value, callbacks) => {
  const escapedString = new String(value);
  escapedString.isEscaped = true;
  escapedString.callbacks = callbacks;
  return escapedString;
}, "raw");
var resolveCallback = /* @__PURE__ */ __name(async (str, phase, preserveCallbacks, context, buffer) => {
  if (typeof str === "object" && !(str instanceof String)) {
    if (!(str instanceof Promise)) str = str.toString();
    if (str instanceof Promise) str = await str;
  }
  const callbacks = str.callbacks;
  if (!callbacks?.length) return Promise.resolve(str);
  if (buffer) buffer[0] += str;
  else buffer = [str];
  const resStr = Promise.all(callbacks.map((c) => c({
    phase,
    buffer,
    context
  }))).then((res) => Promise.all(res.filter(Boolean).map((str2) => resolveCallback(str2, phase, false, context, buffer))).then(() => buffer[0]));
  if (preserveCallbacks) return raw(await resStr, callbacks);
  else return resStr;
}, "resolveCallback");

// ../node_modules/hono/dist/context.js
var TEXT_PLAIN = "text/plain; charset=UTF-8";
var setDefaultContentType = /* @__PURE__ */ __name((contentType, headers) => {
  return {
    "Content-Type": contentType,
    ...headers
  };
}, "setDefaultContentType");
var createResponseInstance = /* @__PURE__ */ __name((body, init) => new Response(body, init), "createResponseInstance");
var Context = class {
  static {
    __name(this, "Context");
  }
  #rawRequest;
  #req;
  /**
  * `.env` can get bindings (environment variables, secrets, KV namespaces, D1 database, R2 bucket etc.) in Cloudflare Workers.
  *
  * @see {@link https://hono.dev/docs/api/context#env}
  *
  * @example
  * ```ts
  * // Environment object for Cloudflare Workers
  * app.get('*', async c => {
  *   const counter = c.env.COUNTER
  * })
  * ```
  */
  env = {};
  #var;
  finalized = false;
  /**
  * `.error` can get the error object from the middleware if the Handler throws an error.
  *
  * @see {@link https://hono.dev/docs/api/context#error}
  *
  * @example
  * ```ts
  * app.use('*', async (c, next) => {
  *   await next()
  *   if (c.error) {
  *     // do something...
  *   }
  * })
  * ```
  */
  error;
  #status;
  #executionCtx;
  #res;
  #layout;
  #renderer;
  #notFoundHandler;
  #preparedHeaders;
  #matchResult;
  #path;
  /**
  * Creates an instance of the Context class.
  *
  * @param req - The Request object.
  * @param options - Optional configuration options for the context.
  */
  constructor(req, options) {
    this.#rawRequest = req;
    if (options) {
      this.#executionCtx = options.executionCtx;
      this.env = options.env;
      this.#notFoundHandler = options.notFoundHandler;
      this.#path = options.path;
      this.#matchResult = options.matchResult;
    }
  }
  /**
  * `.req` is the instance of {@link HonoRequest}.
  */
  get req() {
    this.#req ??= new HonoRequest(this.#rawRequest, this.#path, this.#matchResult);
    return this.#req;
  }
  /**
  * @see {@link https://hono.dev/docs/api/context#event}
  * The FetchEvent associated with the current request.
  *
  * @throws Will throw an error if the context does not have a FetchEvent.
  */
  get event() {
    if (this.#executionCtx && "respondWith" in this.#executionCtx) return this.#executionCtx;
    else throw Error("This context has no FetchEvent");
  }
  /**
  * @see {@link https://hono.dev/docs/api/context#executionctx}
  * The ExecutionContext associated with the current request.
  *
  * @throws Will throw an error if the context does not have an ExecutionContext.
  */
  get executionCtx() {
    if (this.#executionCtx) return this.#executionCtx;
    else throw Error("This context has no ExecutionContext");
  }
  /**
  * @see {@link https://hono.dev/docs/api/context#res}
  * The Response object for the current request.
  */
  get res() {
    return this.#res ||= createResponseInstance(null, { headers: this.#preparedHeaders ??= new Headers() });
  }
  /**
  * Sets the Response object for the current request.
  *
  * @param _res - The Response object to set.
  */
  set res(_res) {
    if (this.#res && _res) {
      _res = createResponseInstance(_res.body, _res);
      for (const [k, v] of this.#res.headers.entries()) {
        if (k === "content-type") continue;
        if (k === "set-cookie") {
          const cookies = this.#res.headers.getSetCookie();
          _res.headers.delete("set-cookie");
          for (const cookie of cookies) _res.headers.append("set-cookie", cookie);
        } else _res.headers.set(k, v);
      }
    }
    this.#res = _res;
    this.finalized = true;
  }
  /**
  * `.render()` can create a response within a layout.
  *
  * @see {@link https://hono.dev/docs/api/context#render-setrenderer}
  *
  * @example
  * ```ts
  * app.get('/', (c) => {
  *   return c.render('Hello!')
  * })
  * ```
  */
  render = /* @__PURE__ */ __name((...args) => {
    this.#renderer ??= (content) => this.html(content);
    return this.#renderer(...args);
  }, "render");
  /**
  * Sets the layout for the response.
  *
  * @param layout - The layout to set.
  * @returns The layout function.
  */
  setLayout = /* @__PURE__ */ __name((layout) => this.#layout = layout, "setLayout");
  /**
  * Gets the current layout for the response.
  *
  * @returns The current layout function.
  */
  getLayout = /* @__PURE__ */ __name(() => this.#layout, "getLayout");
  /**
  * `.setRenderer()` can set the layout in the custom middleware.
  *
  * @see {@link https://hono.dev/docs/api/context#render-setrenderer}
  *
  * @example
  * ```tsx
  * app.use('*', async (c, next) => {
  *   c.setRenderer((content) => {
  *     return c.html(
  *       <html>
  *         <body>
  *           <p>{content}</p>
  *         </body>
  *       </html>
  *     )
  *   })
  *   await next()
  * })
  * ```
  */
  setRenderer = /* @__PURE__ */ __name((renderer) => {
    this.#renderer = renderer;
  }, "setRenderer");
  /**
  * `.header()` can set headers.
  *
  * @see {@link https://hono.dev/docs/api/context#header}
  *
  * @example
  * ```ts
  * app.get('/welcome', (c) => {
  *   // Set headers
  *   c.header('X-Message', 'Hello!')
  *   c.header('Content-Type', 'text/plain')
  *
  *   // Append multiple headers using the append option (e.g. Vary)
  *   c.header('Vary', 'Accept-Encoding', { append: true })
  *   c.header('Vary', 'User-Agent', { append: true })
  *
  *   return c.body('Thank you for coming')
  * })
  * ```
  */
  header = /* @__PURE__ */ __name((name, value, options) => {
    if (this.finalized && !this.#res.bodyUsed) this.#res = createResponseInstance(this.#res.body, this.#res);
    const headers = this.#res ? this.#res.headers : this.#preparedHeaders ??= new Headers();
    if (value === void 0) headers.delete(name);
    else if (options?.append) headers.append(name, value);
    else headers.set(name, value);
  }, "header");
  status = /* @__PURE__ */ __name((status) => {
    this.#status = status;
  }, "status");
  /**
  * `.set()` can set the value specified by the key.
  *
  * @see {@link https://hono.dev/docs/api/context#set-get}
  *
  * @example
  * ```ts
  * app.use('*', async (c, next) => {
  *   c.set('message', 'Hono is hot!!')
  *   await next()
  * })
  * ```
  */
  set = /* @__PURE__ */ __name((key, value) => {
    this.#var ??= /* @__PURE__ */ new Map();
    this.#var.set(key, value);
  }, "set");
  /**
  * `.get()` can use the value specified by the key.
  *
  * @see {@link https://hono.dev/docs/api/context#set-get}
  *
  * @example
  * ```ts
  * app.get('/', (c) => {
  *   const message = c.get('message')
  *   return c.text(`The message is "${message}"`)
  * })
  * ```
  */
  get = /* @__PURE__ */ __name((key) => {
    return this.#var ? this.#var.get(key) : void 0;
  }, "get");
  /**
  * `.var` can access the value of a variable.
  *
  * @see {@link https://hono.dev/docs/api/context#var}
  *
  * @example
  * ```ts
  * const result = c.var.client.oneMethod()
  * ```
  */
  get var() {
    if (!this.#var) return {};
    return Object.fromEntries(this.#var);
  }
  #newResponse(data, arg, headers) {
    let responseHeaders = this.#res ? new Headers(this.#res.headers) : this.#preparedHeaders;
    if (typeof arg === "object" && arg.headers) {
      responseHeaders ??= new Headers();
      for (const [key, value] of new Headers(arg.headers)) if (key === "set-cookie") responseHeaders.append(key, value);
      else responseHeaders.set(key, value);
    }
    if (headers) {
      if (!responseHeaders) {
        let count = 0;
        for (const k in headers) if (++count > 1 || typeof headers[k] !== "string") {
          responseHeaders = new Headers();
          break;
        }
      }
      if (responseHeaders) for (const k in headers) {
        const v = headers[k];
        if (typeof v === "string") responseHeaders.set(k, v);
        else {
          responseHeaders.delete(k);
          for (const v2 of v) responseHeaders.append(k, v2);
        }
      }
    }
    const status = typeof arg === "number" ? arg : arg?.status ?? this.#status;
    return createResponseInstance(data, {
      status,
      headers: responseHeaders ?? headers
    });
  }
  newResponse = /* @__PURE__ */ __name((...args) => this.#newResponse(...args), "newResponse");
  /**
  * `.body()` can return the HTTP response.
  * You can set headers with `.header()` and set HTTP status code with `.status`.
  * This can also be set in `.text()`, `.json()` and so on.
  *
  * @see {@link https://hono.dev/docs/api/context#body}
  *
  * @example
  * ```ts
  * app.get('/welcome', (c) => {
  *   // Set headers
  *   c.header('X-Message', 'Hello!')
  *   c.header('Content-Type', 'text/plain')
  *   // Set HTTP status code
  *   c.status(201)
  *
  *   // Return the response body
  *   return c.body('Thank you for coming')
  * })
  * ```
  */
  body = /* @__PURE__ */ __name((data, arg, headers) => this.#newResponse(data, arg, headers), "body");
  /**
  * `.text()` can render text as `Content-Type:text/plain`.
  *
  * @see {@link https://hono.dev/docs/api/context#text}
  *
  * @example
  * ```ts
  * app.get('/say', (c) => {
  *   return c.text('Hello!')
  * })
  * ```
  */
  text = /* @__PURE__ */ __name((text, arg, headers) => {
    return !this.#preparedHeaders && !this.#status && !arg && !headers && !this.finalized ? new Response(text) : this.#newResponse(text, arg, setDefaultContentType(TEXT_PLAIN, headers));
  }, "text");
  /**
  * `.json()` can render JSON as `Content-Type:application/json`.
  *
  * @see {@link https://hono.dev/docs/api/context#json}
  *
  * @example
  * ```ts
  * app.get('/api', (c) => {
  *   return c.json({ message: 'Hello!' })
  * })
  * ```
  */
  json = /* @__PURE__ */ __name((object, arg, headers) => {
    return this.#newResponse(JSON.stringify(object), arg, setDefaultContentType("application/json", headers));
  }, "json");
  html = /* @__PURE__ */ __name((html, arg, headers) => {
    const res = /* @__PURE__ */ __name((html2) => this.#newResponse(html2, arg, setDefaultContentType("text/html; charset=UTF-8", headers)), "res");
    return typeof html === "object" ? resolveCallback(html, HtmlEscapedCallbackPhase.Stringify, false, {}).then(res) : res(html);
  }, "html");
  /**
  * `.redirect()` can Redirect, default status code is 302.
  *
  * @see {@link https://hono.dev/docs/api/context#redirect}
  *
  * @example
  * ```ts
  * app.get('/redirect', (c) => {
  *   return c.redirect('/')
  * })
  * app.get('/redirect-permanently', (c) => {
  *   return c.redirect('/', 301)
  * })
  * ```
  */
  redirect = /* @__PURE__ */ __name((location, status) => {
    const locationString = String(location);
    this.header("Location", !/[^\x00-\xFF]/.test(locationString) ? locationString : encodeURI(locationString));
    return this.newResponse(null, status ?? 302);
  }, "redirect");
  /**
  * `.notFound()` can return the Not Found Response.
  *
  * @see {@link https://hono.dev/docs/api/context#notfound}
  *
  * @example
  * ```ts
  * app.get('/notfound', (c) => {
  *   return c.notFound()
  * })
  * ```
  */
  notFound = /* @__PURE__ */ __name(() => {
    this.#notFoundHandler ??= () => createResponseInstance();
    return this.#notFoundHandler(this);
  }, "notFound");
};

// ../node_modules/hono/dist/compose.js
var compose = /* @__PURE__ */ __name((middleware, onError, onNotFound) => {
  return (context, next) => {
    let index = -1;
    return dispatch(0);
    async function dispatch(i) {
      if (i <= index) throw new Error("next() called multiple times");
      index = i;
      let res;
      let isError = false;
      let handler;
      if (middleware[i]) {
        handler = middleware[i][0][0];
        context.req.routeIndex = i;
      } else handler = i === middleware.length && next || void 0;
      if (handler) try {
        res = await handler(context, () => dispatch(i + 1));
      } catch (err) {
        if (err instanceof Error && onError) {
          context.error = err;
          res = await onError(err, context);
          isError = true;
        } else throw err;
      }
      else if (context.finalized === false && onNotFound) res = await onNotFound(context);
      if (res && (context.finalized === false || isError)) context.res = res;
      return context;
    }
    __name(dispatch, "dispatch");
  };
}, "compose");

// ../node_modules/hono/dist/helper/route/index.js
var matchedRoutes = /* @__PURE__ */ __name((c) => c.req[GET_MATCH_RESULT][0].map(([[, route2]]) => route2), "matchedRoutes");
var routePath = /* @__PURE__ */ __name((c, index) => matchedRoutes(c).at(index ?? c.req.routeIndex)?.path ?? "", "routePath");

// ../node_modules/hono/dist/router.js
var METHODS = [
  "get",
  "post",
  "put",
  "delete",
  "options",
  "patch",
  "query"
];
var MESSAGE_MATCHER_IS_ALREADY_BUILT = "Can not add a route since the matcher is already built.";
var UnsupportedPathError = class extends Error {
  static {
    __name(this, "UnsupportedPathError");
  }
};

// ../node_modules/hono/dist/utils/constants.js
var COMPOSED_HANDLER = "__COMPOSED_HANDLER";

// ../node_modules/hono/dist/utils/mount.js
var countTrailingSlashes = /* @__PURE__ */ __name((path) => {
  let index = path.length;
  while (index > 0 && path.charCodeAt(index - 1) === 47) index--;
  return path.length - index;
}, "countTrailingSlashes");
var getPathPrefixLength = /* @__PURE__ */ __name((c, pathPrefix, routePath2) => {
  if (!/[:*]/.test(pathPrefix)) return pathPrefix.length;
  const path = c.req.path;
  const matchResult = c.req[GET_MATCH_RESULT];
  const paramNames = /* @__PURE__ */ new Set();
  let length = 0;
  for (const part of splitRoutingPath(pathPrefix)) {
    if (part[0] === ":" && part.endsWith("}?")) throw new Error(`mount(): Optional regular expression parameters are not supported in "${routePath2}".`);
    const pattern = getPattern(part);
    if (pattern && pattern !== "*") {
      const name = pattern[1];
      if (paramNames.has(name)) throw new Error(`mount(): Duplicate path parameter "${name}" in "${routePath2}".`);
      paramNames.add(name);
    }
    if (pattern && pattern !== "*" && pattern[2] !== true) {
      const value = matchResult.length === 2 ? matchResult[1][matchResult[0][c.req.routeIndex][1][pattern[1]]] : matchResult[0][c.req.routeIndex][1][pattern[1]];
      length += value.length + 1;
    } else if (pattern || part.endsWith("*")) {
      const end = path.indexOf("/", length + 1);
      length = end === -1 ? path.length : end;
    } else length += part.length + 1;
  }
  return length;
}, "getPathPrefixLength");
var createMountedRequest = /* @__PURE__ */ __name((c, pathPrefix, routePath2) => {
  if (/[^/]\*$/.test(routePath2)) throw new Error(`mount(): Wildcard must follow "/" in "${routePath2}".`);
  const prefixLength = getPathPrefixLength(c, pathPrefix, routePath2);
  const path = c.req.path.slice(prefixLength) || "/";
  if (prefixLength > c.req.path.length || path[0] !== "/" || /\/(?:\.|%2e){1,2}(?:\/|$)/i.test(path)) throw new HTTPException(400, { message: "Invalid mounted path" });
  const rawUrl = c.req.raw.url;
  if (/^[^/?#]*\/\/[^/?#\\]*[?#\\]/.test(rawUrl)) throw new HTTPException(400, { message: "Invalid mounted path" });
  const rawPathEnd = rawUrl.search(/[?#]/);
  const rawTrailingSlashes = countTrailingSlashes(rawPathEnd === -1 ? rawUrl : rawUrl.slice(0, rawPathEnd));
  if (rawTrailingSlashes > 1 && countTrailingSlashes(c.req.path) === rawTrailingSlashes - 1) throw new HTTPException(400, { message: "Invalid mounted path" });
  const url = new URL(rawUrl);
  url.pathname = path.replace(/[\\\t\n\r]/g, encodeURIComponent);
  if (path.includes("%")) {
  }
  return new Request(url, c.req.raw);
}, "createMountedRequest");

// ../node_modules/hono/dist/hono-base.js
var notFoundHandler = /* @__PURE__ */ __name((c) => {
  return c.text("404 Not Found", 404);
}, "notFoundHandler");
var errorHandler = /* @__PURE__ */ __name((err, c) => {
  if ("getResponse" in err) {
    const res = err.getResponse();
    return c.newResponse(res.body, res);
  }
  console.error(err);
  return c.text("Internal Server Error", 500);
}, "errorHandler");
var Hono = class Hono2 {
  static {
    __name(this, "Hono");
  }
  get;
  post;
  put;
  delete;
  options;
  patch;
  query;
  all;
  on;
  use;
  router;
  getPath;
  _basePath = "/";
  #path = "/";
  routes = [];
  constructor(options = {}) {
    [...METHODS, "all"].forEach((method) => {
      this[method] = (args1, ...args) => {
        const methodName = method.toUpperCase();
        if (typeof args1 === "string") this.#path = args1;
        else this.#addRoute(methodName, this.#path, args1);
        args.forEach((handler) => {
          this.#addRoute(methodName, this.#path, handler);
        });
        return this;
      };
    });
    this.on = (method, path, ...handlers) => {
      for (const p of [path].flat()) {
        this.#path = p;
        for (const m of [method].flat()) {
          const methodName = m.toUpperCase();
          for (const handler of handlers) this.#addRoute(methodName, this.#path, handler);
        }
      }
      return this;
    };
    this.use = (arg1, ...handlers) => {
      if (typeof arg1 === "string") this.#path = arg1;
      else {
        this.#path = "*";
        handlers.unshift(arg1);
      }
      handlers.forEach((handler) => {
        this.#addRoute("ALL", this.#path, handler);
      });
      return this;
    };
    const { strict, ...optionsWithoutStrict } = options;
    Object.assign(this, optionsWithoutStrict);
    this.getPath = strict ?? true ? options.getPath ?? getPath : getPathNoStrict;
  }
  #clone() {
    const clone = new Hono2({
      router: this.router,
      getPath: this.getPath
    });
    clone.errorHandler = this.errorHandler;
    clone.#notFoundHandler = this.#notFoundHandler;
    clone.routes = this.routes;
    return clone;
  }
  #notFoundHandler = notFoundHandler;
  errorHandler = errorHandler;
  /**
  * `.route()` allows grouping other Hono instance in routes.
  *
  * @see {@link https://hono.dev/docs/api/routing#grouping}
  *
  * @param {string} path - base Path
  * @param {Hono} app - other Hono instance
  * @returns {Hono} routed Hono instance
  *
  * @example
  * ```ts
  * const app = new Hono()
  * const app2 = new Hono()
  *
  * app2.get("/user", (c) => c.text("user"))
  * app.route("/api", app2) // GET /api/user
  * ```
  */
  route(path, app2) {
    const subApp = this.basePath(path);
    app2.routes.map((r) => {
      let handler;
      if (app2.errorHandler === errorHandler) handler = r.handler;
      else {
        handler = /* @__PURE__ */ __name(async (c, next) => (await compose([], app2.errorHandler)(c, () => r.handler(c, next))).res, "handler");
        handler[COMPOSED_HANDLER] = r.handler;
      }
      subApp.#addRoute(r.method, r.path, handler, r.basePath);
    });
    return this;
  }
  /**
  * `.basePath()` allows base paths to be specified.
  *
  * @see {@link https://hono.dev/docs/api/routing#base-path}
  *
  * @param {string} path - base Path
  * @returns {Hono} changed Hono instance
  *
  * @example
  * ```ts
  * const api = new Hono().basePath('/api')
  * ```
  */
  basePath(path) {
    const subApp = this.#clone();
    subApp._basePath = mergePath(this._basePath, path);
    return subApp;
  }
  /**
  * `.onError()` handles an error and returns a customized Response.
  *
  * @see {@link https://hono.dev/docs/api/hono#error-handling}
  *
  * @param {ErrorHandler} handler - request Handler for error
  * @returns {Hono} changed Hono instance
  *
  * @example
  * ```ts
  * app.onError((err, c) => {
  *   console.error(`${err}`)
  *   return c.text('Custom Error Message', 500)
  * })
  * ```
  */
  onError = /* @__PURE__ */ __name((handler) => {
    this.errorHandler = handler;
    return this;
  }, "onError");
  /**
  * `.notFound()` allows you to customize a Not Found Response.
  *
  * @see {@link https://hono.dev/docs/api/hono#not-found}
  *
  * @param {NotFoundHandler} handler - request handler for not-found
  * @returns {Hono} changed Hono instance
  *
  * @example
  * ```ts
  * app.notFound((c) => {
  *   return c.text('Custom 404 Message', 404)
  * })
  * ```
  */
  notFound = /* @__PURE__ */ __name((handler) => {
    this.#notFoundHandler = handler;
    return this;
  }, "notFound");
  /**
  * `.mount()` allows you to mount applications built with other frameworks into your Hono application.
  *
  * @deprecated Use `mount()` from `hono/mount` instead. `.mount()` will be removed in v5.
  *
  * @see {@link https://hono.dev/docs/api/hono#mount}
  *
  * @param {string} path - base Path
  * @param {Function} applicationHandler - other Request Handler
  * @param {MountOptions} [options] - options of `.mount()`
  * @returns {Hono} mounted Hono instance
  * @throws {Error} If automatic request rewriting encounters duplicate path parameter names or an optional regular expression parameter.
  * @throws {HTTPException} With status 400 if automatic request rewriting cannot safely preserve the routed path.
  *
  * @example
  * ```ts
  * import { Router as IttyRouter } from 'itty-router'
  * import { Hono } from 'hono'
  * // Create itty-router application
  * const ittyRouter = IttyRouter()
  * // GET /itty-router/hello
  * ittyRouter.get('/hello', () => new Response('Hello from itty-router'))
  *
  * const app = new Hono()
  * app.mount('/itty-router', ittyRouter.handle)
  * ```
  *
  * @example
  * ```ts
  * const app = new Hono()
  * // Send the request to another application without modification.
  * app.mount('/app', anotherApp, {
  *   replaceRequest: (req) => req,
  * })
  * ```
  */
  mount(path, applicationHandler, options) {
    let replaceRequest;
    let optionHandler;
    if (options) {
      if (typeof options === "function") optionHandler = options;
      else {
        optionHandler = options.optionHandler;
        if (options.replaceRequest === false) replaceRequest = /* @__PURE__ */ __name((request) => request, "replaceRequest");
        else replaceRequest = options.replaceRequest;
      }
    }
    const getOptions = optionHandler ? (c) => {
      const options2 = optionHandler(c);
      return Array.isArray(options2) ? options2 : [options2];
    } : (c) => {
      let executionContext = void 0;
      try {
        executionContext = c.executionCtx;
      } catch {
      }
      return [c.env, executionContext];
    };
    const defaultReplaceRequest = /* @__PURE__ */ __name((c) => {
      const mountedRoutePath = routePath(c);
      return createMountedRequest(c, mountedRoutePath.replace(/\/?\*$/, ""), mountedRoutePath);
    }, "defaultReplaceRequest");
    const handler = /* @__PURE__ */ __name(async (c, next) => {
      const res = await applicationHandler(replaceRequest ? replaceRequest(c.req.raw) : defaultReplaceRequest(c), ...getOptions(c));
      if (res) return res;
      await next();
    }, "handler");
    this.#addRoute("ALL", mergePath(path, "*"), handler);
    return this;
  }
  #addRoute(method, path, handler, baseRoutePath) {
    path = mergePath(this._basePath, path);
    const r = {
      basePath: baseRoutePath !== void 0 ? mergePath(this._basePath, baseRoutePath) : this._basePath,
      path,
      method,
      handler
    };
    this.router.add(method, path, [handler, r]);
    this.routes.push(r);
  }
  #handleError(err, c) {
    if (err instanceof Error) return this.errorHandler(err, c);
    throw err;
  }
  #dispatch(request, executionCtx, env, method) {
    if (method === "HEAD") return (async () => new Response(null, await this.#dispatch(request, executionCtx, env, "GET")))();
    const path = this.getPath(request, { env });
    const matchResult = this.router.match(method, path);
    const c = new Context(request, {
      path,
      matchResult,
      env,
      executionCtx,
      notFoundHandler: this.#notFoundHandler
    });
    if (matchResult[0].length === 1) {
      let res;
      try {
        res = matchResult[0][0][0][0](c, async () => {
          c.res = await this.#notFoundHandler(c);
        });
      } catch (err) {
        return this.#handleError(err, c);
      }
      return res instanceof Promise ? res.then((resolved) => resolved || (c.finalized ? c.res : this.#notFoundHandler(c))).catch((err) => this.#handleError(err, c)) : res ?? this.#notFoundHandler(c);
    }
    const composed = compose(matchResult[0], this.errorHandler, this.#notFoundHandler);
    return (async () => {
      try {
        const context = await composed(c);
        if (!context.finalized) throw new Error("Context is not finalized. Did you forget to return a Response object or `await next()`?");
        return context.res;
      } catch (err) {
        return this.#handleError(err, c);
      }
    })();
  }
  /**
  * `.fetch()` will be entry point of your app.
  *
  * @see {@link https://hono.dev/docs/api/hono#fetch}
  *
  * @param {Request} request - request Object of request
  * @param {Env} env - env Object
  * @param {ExecutionContext} executionCtx - context of execution
  * @returns {Response | Promise<Response>} response of request
  *
  */
  fetch = /* @__PURE__ */ __name((request, ...rest) => {
    return this.#dispatch(request, rest[1], rest[0], request.method);
  }, "fetch");
  /**
  * `.request()` is a useful method for testing.
  * You can pass a URL or pathname to send a GET request.
  * app will return a Response object.
  * ```ts
  * test('GET /hello is ok', async () => {
  *   const res = await app.request('/hello')
  *   expect(res.status).toBe(200)
  * })
  * ```
  * @see https://hono.dev/docs/api/hono#request
  */
  request = /* @__PURE__ */ __name((input, requestInit, Env, executionCtx) => {
    if (input instanceof Request) return this.fetch(requestInit ? new Request(input, requestInit) : input, Env, executionCtx);
    input = input.toString();
    return this.fetch(new Request(/^https?:\/\//.test(input) ? input : `http://localhost${mergePath("/", input)}`, requestInit), Env, executionCtx);
  }, "request");
  /**
  * `.fire()` automatically adds a global fetch event listener.
  * This can be useful for environments that adhere to the Service Worker API, such as non-ES module Cloudflare Workers.
  * @deprecated
  * Use `fire` from `hono/service-worker` instead.
  * ```ts
  * import { Hono } from 'hono'
  * import { fire } from 'hono/service-worker'
  *
  * const app = new Hono()
  * // ...
  * fire(app)
  * ```
  * @see https://hono.dev/docs/api/hono#fire
  * @see https://developer.mozilla.org/en-US/docs/Web/API/Service_Worker_API
  * @see https://developers.cloudflare.com/workers/reference/migrate-to-module-workers/
  */
  fire = /* @__PURE__ */ __name(() => {
    addEventListener("fetch", (event) => {
      event.respondWith(this.#dispatch(event.request, event, void 0, event.request.method));
    });
  }, "fire");
};

// ../node_modules/hono/dist/router/utils.js
var createNullObject = /* @__PURE__ */ __name(() => /* @__PURE__ */ Object.create(null), "createNullObject");

// ../node_modules/hono/dist/router/reg-exp-router/matcher.js
var emptyParam = [];
function match(method, path) {
  const matchers = this.buildAllMatchers();
  const match2 = /* @__PURE__ */ __name(((method2, path2) => {
    const matcher = matchers[method2] || matchers["ALL"];
    const staticMatch = matcher[2][path2];
    if (staticMatch) return staticMatch;
    const match3 = path2.match(matcher[0]);
    if (!match3) return [[], emptyParam];
    const index = match3.indexOf("", 1);
    return [matcher[1][index], match3];
  }), "match");
  this.match = match2;
  return match2(method, path);
}
__name(match, "match");

// ../node_modules/hono/dist/router/reg-exp-router/node.js
var LABEL_REG_EXP_STR = "[^/]+";
var ONLY_WILDCARD_REG_EXP_STR = "[^]*";
var TAIL_WILDCARD_REG_EXP_STR = "(?:|/[^]*)";
var PATH_ERROR = /* @__PURE__ */ Symbol();
var regExpMetaChars = /* @__PURE__ */ new Set(".\\+*[^]$()");
function compareKey(a, b) {
  if (a.length === 1) return b.length === 1 ? a < b ? -1 : 1 : -1;
  if (b.length === 1) return 1;
  if (a === "[^]*" || a === "(?:|/[^]*)") return b === "[^]*" ? -1 : 1;
  else if (b === "[^]*" || b === "(?:|/[^]*)") return -1;
  if (a === "[^/]+") return 1;
  else if (b === "[^/]+") return -1;
  return a.length === b.length ? a < b ? -1 : 1 : b.length - a.length;
}
__name(compareKey, "compareKey");
var Node = class Node2 {
  static {
    __name(this, "Node");
  }
  #index;
  #varIndex;
  #children = createNullObject();
  insert(tokens, index, paramMap, context, keys) {
    let node = this;
    for (let i = 0, len = tokens.length; i < len; i++) {
      const token = tokens[i];
      const pattern = token.length === 1 ? token === "*" ? i === len - 1 ? [
        "",
        "",
        ONLY_WILDCARD_REG_EXP_STR
      ] : [
        "",
        "",
        LABEL_REG_EXP_STR
      ] : null : token === "/*" ? [
        "",
        "",
        TAIL_WILDCARD_REG_EXP_STR
      ] : token.match(/^\:([^\{\}]+)(?:\{(.+)\})?$/);
      let nextNode;
      if (pattern) {
        const name = pattern[1];
        let regexpStr = pattern[2] || "[^/]+";
        if (name && pattern[2]) {
          if (new RegExp(regexpStr).test("")) throw PATH_ERROR;
          regexpStr = regexpStr.replace(/^\((?!\?:)(?=[^)]+\)$)/, "(?:");
          if (/\((?!\?:)/.test(regexpStr)) throw PATH_ERROR;
          if (regexpStr.length === 1 && regExpMetaChars.has(regexpStr)) throw PATH_ERROR;
        }
        keys.push(regexpStr);
        nextNode = node.#children[regexpStr];
        if (!nextNode) {
          if (regexpStr !== "[^]*" && regexpStr !== "(?:|/[^]*)") {
            for (const k in node.#children) if ((regexpStr.length > 1 || k.length > 1) && k !== "[^]*" && k !== "(?:|/[^]*)") throw PATH_ERROR;
          }
          nextNode = node.#children[regexpStr] = new Node2();
        }
        if (name !== "") {
          nextNode.#varIndex ??= context.varIndex++;
          paramMap.push([name, nextNode.#varIndex]);
        }
      } else {
        keys.push(token);
        nextNode = node.#children[token];
        if (!nextNode) {
          for (const k in node.#children) if (k.length > 1 && k !== "[^]*" && k !== "(?:|/[^]*)") throw PATH_ERROR;
          nextNode = node.#children[token] = new Node2();
        }
      }
      node = nextNode;
    }
    if (node.#index !== void 0) throw PATH_ERROR;
    node.#index = index;
  }
  buildRegExpStr() {
    const strList = Object.keys(this.#children).sort(compareKey).map((k) => {
      const c = this.#children[k];
      const childStr = c.buildRegExpStr();
      return childStr === "" ? "" : (typeof c.#varIndex === "number" ? `(${k})@${c.#varIndex}` : regExpMetaChars.has(k) ? `\\${k}` : k) + childStr;
    }).filter(Boolean);
    if (typeof this.#index === "number" && this.#index !== -1) strList.unshift(`#${this.#index}`);
    if (strList.length === 0) return "";
    if (strList.length === 1) return strList[0];
    return "(?:" + strList.join("|") + ")";
  }
};

// ../node_modules/hono/dist/router/reg-exp-router/trie.js
var Trie = class {
  static {
    __name(this, "Trie");
  }
  #context = { varIndex: 0 };
  #root = new Node();
  #index = 0;
  paths = createNullObject();
  insert(path, isStatic) {
    const keys = [];
    if (isStatic) {
      this.#root.insert(path.split(""), -1, [], this.#context, keys);
      this.paths[path] = [
        -1,
        [],
        keys
      ];
      return;
    }
    const paramAssoc = [];
    const groups = [];
    let markedPath = path;
    for (let i = 0; ; ) {
      let replaced = false;
      markedPath = markedPath.replace(/\{(?:\{[\d,]+\}|[^}])+\}/g, (m) => {
        const mark = `@\\${i}`;
        groups[i] = [mark, m];
        i++;
        replaced = true;
        return mark;
      });
      if (!replaced) break;
    }
    const tokens = markedPath.match(/(?::[^\/]+)|(?:\/\*$)|./gs) || [];
    for (let i = groups.length - 1; i >= 0; i--) {
      const [mark] = groups[i];
      for (let j = tokens.length - 1; j >= 0; j--) if (tokens[j].indexOf(mark) !== -1) {
        tokens[j] = tokens[j].replace(mark, groups[i][1]);
        break;
      }
    }
    this.#root.insert(tokens, this.#index, paramAssoc, this.#context, keys);
    this.paths[path] = [
      this.#index++,
      paramAssoc,
      keys
    ];
  }
  buildRegExp() {
    let regexp = this.#root.buildRegExpStr();
    if (regexp === "") return [
      /^$/,
      [],
      []
    ];
    let captureIndex = 0;
    const indexReplacementMap = [];
    const paramReplacementMap = [];
    regexp = regexp.replace(/#(\d+)|@(\d+)|\.\*\$/g, (_, handlerIndex, paramIndex) => {
      if (handlerIndex !== void 0) {
        indexReplacementMap[++captureIndex] = Number(handlerIndex);
        return "$()";
      }
      if (paramIndex !== void 0) {
        paramReplacementMap[Number(paramIndex)] = ++captureIndex;
        return "";
      }
      return "";
    });
    return [
      new RegExp(`^${regexp}`),
      indexReplacementMap,
      paramReplacementMap
    ];
  }
};

// ../node_modules/hono/dist/router/reg-exp-router/router.js
function endsWithWildcard(keys) {
  const tail = keys[keys.length - 1];
  return tail === "[^]*" || tail === "(?:|/[^]*)";
}
__name(endsWithWildcard, "endsWithWildcard");
function covers(wildcard, target) {
  const last = wildcard.length - 1;
  for (let i = 0; i < last; i++) if (wildcard[i] !== target[i]) return false;
  return wildcard[last] === "[^]*" || target.length === last || target[last] === "/";
}
__name(covers, "covers");
var RegExpRouter = class {
  static {
    __name(this, "RegExpRouter");
  }
  name = "RegExpRouter";
  #handlers;
  #tries;
  constructor() {
    this.#handlers = { ["ALL"]: [] };
    this.#tries = { ["ALL"]: new Trie() };
  }
  #insertPath(method, path) {
    try {
      this.#tries[method].insert(path, !/\*|\/:/.test(path));
    } catch (e) {
      throw e === PATH_ERROR ? new UnsupportedPathError(path) : e;
    }
  }
  add(method, path, handler) {
    const handlers = this.#handlers;
    if (!handlers) throw new Error(MESSAGE_MATCHER_IS_ALREADY_BUILT);
    const tries = this.#tries;
    if (!handlers[method]) {
      tries[method] = new Trie();
      handlers[method] = [...handlers["ALL"]];
      for (const p in tries["ALL"].paths) this.#insertPath(method, p);
    }
    if (path === "/*") path = "*";
    const methods = method === "ALL" ? Object.keys(handlers) : [method];
    const paths = checkOptionalParameter(path) || [path];
    for (const path2 of paths) for (const m of methods) {
      if (!tries[m].paths[path2]) this.#insertPath(m, path2);
      handlers[m].push([handler, path2]);
    }
  }
  match = match;
  buildAllMatchers() {
    const matchers = createNullObject();
    for (const method of Object.keys(this.#handlers)) matchers[method] = this.#buildMatcher(method);
    this.#handlers = this.#tries = void 0;
    return matchers;
  }
  #buildMatcher(method) {
    const handlers = this.#handlers[method];
    const trie = this.#tries[method];
    const staticMap = createNullObject();
    const handlerData = [];
    const [regexp, indexReplacementMap, paramReplacementMap] = trie.buildRegExp();
    const own = createNullObject();
    const entries = handlers.map(([h, p], i) => {
      (own[p] ??= []).push(i);
      return [h, trie.paths[p][1].reduceRight((map, [key, varIndex]) => {
        map[key] = paramReplacementMap[varIndex];
        return map;
      }, createNullObject())];
    });
    const wildcards = Object.keys(own).filter((p) => endsWithWildcard(trie.paths[p][2]));
    for (const path in trie.paths) {
      const [index, , keys] = trie.paths[path];
      const indexes = [...own[path]];
      for (const p of wildcards) if (p !== path && covers(trie.paths[p][2], keys)) indexes.push(...own[p]);
      const data = indexes.sort((a, b) => a - b).map((i) => entries[i]);
      if (index === -1) {
        const last = Math.max(-1, ...data.flatMap(([, map]) => Object.values(map)));
        staticMap[path] = [data, last === -1 ? emptyParam : path.match(regexp).slice(0, last + 1)];
      } else handlerData[index] = data;
    }
    return [
      regexp,
      indexReplacementMap.map((i) => handlerData[i]),
      staticMap
    ];
  }
};

// ../node_modules/hono/dist/router/smart-router/router.js
var SmartRouter = class {
  static {
    __name(this, "SmartRouter");
  }
  name = "SmartRouter";
  #routers = [];
  #routes = [];
  constructor(init) {
    this.#routers = init.routers;
  }
  add(method, path, handler) {
    if (!this.#routes) throw new Error(MESSAGE_MATCHER_IS_ALREADY_BUILT);
    this.#routes.push([
      method,
      path,
      handler
    ]);
  }
  match(method, path) {
    if (!this.#routes) throw new Error("Fatal error");
    const routers = this.#routers;
    const routes = this.#routes;
    const len = routers.length;
    let i = 0;
    let res;
    for (; i < len; i++) {
      const router = routers[i];
      try {
        for (let i2 = 0, len2 = routes.length; i2 < len2; i2++) router.add(...routes[i2]);
        res = router.match(method, path);
      } catch (e) {
        if (e instanceof UnsupportedPathError) continue;
        throw e;
      }
      this.match = router.match.bind(router);
      this.#routers = [router];
      this.#routes = void 0;
      break;
    }
    if (i === len) throw new Error("Fatal error");
    this.name = `SmartRouter + ${this.activeRouter.name}`;
    return res;
  }
  get activeRouter() {
    if (this.#routes || this.#routers.length !== 1) throw new Error("No active router has been determined yet.");
    return this.#routers[0];
  }
};

// ../node_modules/hono/dist/router/trie-router/node.js
var emptyParams = createNullObject();
var order = 0;
var Node3 = class Node4 {
  static {
    __name(this, "Node");
  }
  #methods = [];
  #children = createNullObject();
  #patterns = [];
  #pattern;
  #params = emptyParams;
  insert(method, path, handler) {
    let curNode = this;
    const parts = splitRoutingPath(path);
    const possibleKeys = /* @__PURE__ */ new Set();
    let i = 0;
    for (const p of parts) {
      const nextP = parts[++i];
      const pattern = getPattern(p, nextP) || (nextP === void 0 && p && p.indexOf("*") === p.length - 1 ? p : null);
      const isParam = Array.isArray(pattern);
      const key = isParam ? pattern[0] : pattern || p;
      const child = curNode.#children[key] ||= new Node4();
      if (pattern && !child.#pattern) {
        child.#pattern = pattern;
        curNode.#patterns.push(child);
      }
      curNode = child;
      if (isParam) possibleKeys.add(pattern[1]);
    }
    curNode.#methods.push({ [method]: {
      handler,
      possibleKeys: [...possibleKeys],
      score: ++order
    } });
  }
  #pushHandlerSets(handlerSets, node, method, nodeParams, params) {
    for (let i = 0, len = node.#methods.length; i < len; i++) {
      const m = node.#methods[i];
      const handlerSet = m[method] || m["ALL"];
      if (handlerSet) {
        handlerSet.params = createNullObject();
        handlerSets.push(handlerSet);
        for (let i2 = 0, len2 = handlerSet.possibleKeys.length; i2 < len2; i2++) {
          const key = handlerSet.possibleKeys[i2];
          handlerSet.params[key] = params?.[key] && !i2 ? params[key] : nodeParams[key] ?? params?.[key];
        }
      }
    }
  }
  search(method, path) {
    const handlerSets = [];
    this.#params = emptyParams;
    let curNodes = [this];
    const parts = splitPath(path);
    const curNodesQueue = [];
    const len = parts.length;
    let partOffsets = null;
    for (let i = 0; i < len; i++) {
      const part = parts[i];
      const isLast = i === len - 1;
      const tempNodes = [];
      for (let j = 0, len2 = curNodes.length; j < len2; j++) {
        const node = curNodes[j];
        const nextNode = node.#children[part];
        if (nextNode) {
          nextNode.#params = node.#params;
          if (isLast) {
            if (nextNode.#children["*"]) this.#pushHandlerSets(handlerSets, nextNode.#children["*"], method, node.#params);
            this.#pushHandlerSets(handlerSets, nextNode, method, node.#params);
          } else tempNodes.push(nextNode);
        }
        for (const child of node.#patterns) {
          const pattern = child.#pattern;
          const params = node.#params === emptyParams ? {} : { ...node.#params };
          if (typeof pattern === "string") {
            if (pattern === "*" || part.startsWith(pattern.slice(0, -1))) {
              this.#pushHandlerSets(handlerSets, child, method, node.#params);
              if (pattern === "*") {
                child.#params = params;
                tempNodes.push(child);
              }
            }
            continue;
          }
          const [, name, matcher] = pattern;
          if (!part && matcher === true) continue;
          if (matcher !== true) {
            if (!partOffsets) {
              partOffsets = [];
              let offset = path[0] === "/" ? 1 : 0;
              for (let p = 0; p < len; p++) {
                partOffsets[p] = offset;
                offset += parts[p].length + 1;
              }
            }
            const restPathString = path.slice(partOffsets[i]);
            const m = matcher.exec(restPathString);
            if (m) {
              if (!Object.hasOwn(params, name)) params[name] = m[0];
              this.#pushHandlerSets(handlerSets, child, method, node.#params, params);
              if (m[0].length === restPathString.length && child.#children["*"]) this.#pushHandlerSets(handlerSets, child.#children["*"], method, node.#params, params);
              for (const _ in child.#children) {
                child.#params = params;
                const componentCount = m[0].match(/\//g)?.length ?? 0;
                (curNodesQueue[componentCount] ||= []).push(child);
                break;
              }
              continue;
            }
          }
          if (matcher === true || matcher.test(part)) {
            if (!Object.hasOwn(params, name)) params[name] = part;
            if (isLast) {
              this.#pushHandlerSets(handlerSets, child, method, params, node.#params);
              if (child.#children["*"]) this.#pushHandlerSets(handlerSets, child.#children["*"], method, params, node.#params);
            } else {
              child.#params = params;
              tempNodes.push(child);
            }
          }
        }
      }
      const shifted = curNodesQueue.shift();
      curNodes = shifted ? tempNodes.concat(shifted) : tempNodes;
    }
    if (handlerSets[1]) handlerSets.sort((a, b) => {
      return a.score - b.score;
    });
    return [handlerSets.map(({ handler, params }) => [handler, params])];
  }
};

// ../node_modules/hono/dist/router/trie-router/router.js
var TrieRouter = class {
  static {
    __name(this, "TrieRouter");
  }
  name = "TrieRouter";
  #node = new Node3();
  add(method, path, handler) {
    for (const result of checkOptionalParameter(path) || [path]) this.#node.insert(method, result, handler);
  }
  match(method, path) {
    return this.#node.search(method, path);
  }
};

// ../node_modules/hono/dist/hono.js
var Hono3 = class extends Hono {
  static {
    __name(this, "Hono");
  }
  /**
  * Creates an instance of the Hono class.
  *
  * @param options - Optional configuration options for the Hono instance.
  */
  constructor(options = {}) {
    super(options);
    this.router = options.router ?? new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] });
  }
};

// src/ai/aliases.ts
var DEFAULT_CHAT_MODEL = "@cf/meta/llama-3.1-8b-instruct";
var DEFAULT_EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5";
var BUILT_IN_ALIASES = {
  "gpt-3.5-turbo": "@cf/meta/llama-3.1-8b-instruct",
  "gpt-4o-mini": "@cf/meta/llama-3.1-8b-instruct",
  "gpt-4.1-mini": "@cf/meta/llama-3.1-8b-instruct",
  "gpt-4.1-nano": "@cf/meta/llama-3.2-3b-instruct",
  "gpt-4": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "gpt-4-turbo": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "gpt-4o": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "gpt-4.1": "@cf/meta/llama-4-scout-17b-16e-instruct",
  "gpt-5": "@cf/openai/gpt-oss-120b",
  "gpt-5-mini": "@cf/openai/gpt-oss-20b",
  "o3-mini": "@cf/openai/gpt-oss-20b",
  "o4-mini": "@cf/openai/gpt-oss-20b",
  "text-embedding-ada-002": "@cf/baai/bge-base-en-v1.5",
  "text-embedding-3-small": "@cf/baai/bge-base-en-v1.5",
  "text-embedding-3-large": "@cf/baai/bge-large-en-v1.5",
  "dall-e-2": "@cf/black-forest-labs/flux-1-schnell",
  "dall-e-3": "@cf/black-forest-labs/flux-1-schnell",
  "gpt-image-1": "@cf/black-forest-labs/flux-1-schnell",
  "whisper-1": "@cf/openai/whisper-large-v3-turbo",
  "gpt-4o-transcribe": "@cf/openai/whisper-large-v3-turbo",
  "gpt-4o-mini-transcribe": "@cf/openai/whisper-large-v3-turbo",
  "tts-1": "@cf/myshell-ai/melotts",
  "tts-1-hd": "@cf/myshell-ai/melotts",
  "gpt-4o-mini-tts": "@cf/myshell-ai/melotts"
};
var isWorkersAiModel = /* @__PURE__ */ __name((name) => name.startsWith("@cf/") || name.startsWith("@hf/"), "isWorkersAiModel");

// src/http/errors.ts
var ApiError = class extends Error {
  constructor(status, message, type = status >= 500 ? "server_error" : "invalid_request_error", param = null, code = null, headers = {}) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
    this.headers = headers;
    this.name = "ApiError";
  }
  static {
    __name(this, "ApiError");
  }
};
var badRequest = /* @__PURE__ */ __name((message, param = null, code = null) => new ApiError(400, message, "invalid_request_error", param, code), "badRequest");
var notFound = /* @__PURE__ */ __name((message, param = null, code = null) => new ApiError(404, message, "invalid_request_error", param, code), "notFound");
function errorResponse(error, extraHeaders = {}) {
  const body = { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": "application/json", ...error.headers, ...extraHeaders }
  });
}
__name(errorResponse, "errorResponse");
function toApiError(error) {
  if (error instanceof ApiError) return error;
  console.error("unhandled error", error);
  return new ApiError(500, "The proxy failed to handle this request.", "server_error", null, "internal_error");
}
__name(toApiError, "toApiError");

// src/config.ts
var ConfigError = class extends ApiError {
  static {
    __name(this, "ConfigError");
  }
  constructor(variable, detail) {
    super(500, `The proxy is misconfigured: ${variable} ${detail}`, "server_error", null, "proxy_misconfigured");
  }
};
var cachedEnv;
var cached;
function readConfig(env) {
  if (env === cachedEnv && cached) return cached;
  const config = parseConfig(env);
  cachedEnv = env;
  cached = config;
  return config;
}
__name(readConfig, "readConfig");
var DEFAULT_CACHE_TTL_SECONDS = 3600;
var MIN_CACHE_TTL_SECONDS = 60;
function parseConfig(env) {
  const aliases = { ...BUILT_IN_ALIASES };
  if (env.MODEL_ALIASES?.trim()) {
    let parsed;
    try {
      parsed = JSON.parse(env.MODEL_ALIASES);
    } catch (error) {
      throw new ConfigError("MODEL_ALIASES", `is not valid JSON (${error.message}); expected e.g. {"gpt-4o-mini": "@cf/meta/llama-3.1-8b-instruct"}.`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ConfigError("MODEL_ALIASES", "must be a JSON object of name \u2192 Workers AI model.");
    for (const [name, target] of Object.entries(parsed)) {
      if (typeof target !== "string" || !isWorkersAiModel(target)) {
        throw new ConfigError("MODEL_ALIASES", `maps "${name}" to ${JSON.stringify(target)}, which is not a Workers AI model id (@cf/\u2026 or @hf/\u2026).`);
      }
      aliases[name] = target;
    }
  }
  const model = /* @__PURE__ */ __name((variable, value, fallback) => {
    const name = value?.trim() || fallback;
    if (!isWorkersAiModel(name) && !(name in aliases)) throw new ConfigError(variable, `is "${name}", which is neither a Workers AI model id (@cf/\u2026 or @hf/\u2026) nor an alias.`);
    return aliases[name] ?? name;
  }, "model");
  const fallbackModels = (env.FALLBACK_MODELS ?? "").split(/[\n,]/).map((m) => m.trim()).filter(Boolean).map((m) => model("FALLBACK_MODELS", m, m));
  let cacheTtlSeconds = DEFAULT_CACHE_TTL_SECONDS;
  if (env.CACHE_TTL_SECONDS?.trim()) {
    cacheTtlSeconds = Number(env.CACHE_TTL_SECONDS);
    if (!Number.isInteger(cacheTtlSeconds) || cacheTtlSeconds !== 0 && cacheTtlSeconds < MIN_CACHE_TTL_SECONDS) {
      throw new ConfigError("CACHE_TTL_SECONDS", `is "${env.CACHE_TTL_SECONDS}"; expected 0 (cache off) or a whole number of seconds \u2265 ${MIN_CACHE_TTL_SECONDS}.`);
    }
  }
  return {
    defaultModel: model("DEFAULT_AI_MODEL", env.DEFAULT_AI_MODEL, DEFAULT_CHAT_MODEL),
    defaultEmbeddingModel: model("DEFAULT_EMBEDDING_MODEL", env.DEFAULT_EMBEDDING_MODEL, DEFAULT_EMBEDDING_MODEL),
    aliases,
    fallbackModels,
    gatewayId: env.AI_GATEWAY_ID?.trim() || void 0,
    corsOrigins: (env.CORS_ORIGINS ?? "*").split(/[\n,]/).map((o) => o.trim()).filter(Boolean),
    cacheTtlSeconds
  };
}
__name(parseConfig, "parseConfig");

// src/http/auth.ts
var cachedSource;
var cachedDigests = [];
function parseKeys(source) {
  return (source ?? "").split(/[\n,]/).map((k) => k.trim()).filter(Boolean);
}
__name(parseKeys, "parseKeys");
async function digest(text) {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}
__name(digest, "digest");
async function authorize(request, keysSource) {
  if (keysSource !== cachedSource) {
    cachedDigests = await Promise.all(parseKeys(keysSource).map(digest));
    cachedSource = keysSource;
  }
  if (cachedDigests.length === 0) {
    throw new ApiError(401, "This proxy has no API keys configured, so it refuses every request. Set the API_KEYS secret (e.g. `wrangler secret put API_KEYS`, or the action's `api-keys` input).", "authentication_error", null, "no_api_keys_configured");
  }
  const header = request.headers.get("authorization") ?? "";
  const match2 = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match2) {
    throw new ApiError(401, "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.", "authentication_error", null, "missing_api_key");
  }
  const presented = await digest(match2[1].trim());
  let ok = false;
  for (const key of cachedDigests) ok = crypto.subtle.timingSafeEqual(presented, key) || ok;
  if (!ok) throw new ApiError(401, "Incorrect API key provided.", "authentication_error", null, "invalid_api_key");
}
__name(authorize, "authorize");

// src/ai/output.ts
function normaliseTextOutput(output, maxTokens) {
  if (typeof output === "string") return finish({ text: output }, maxTokens);
  if (!output || typeof output !== "object") throw unexpected(output);
  const o = output;
  if (o.object === "response" || Array.isArray(o.output)) return fromResponses(o, maxTokens);
  if (Array.isArray(o.choices)) return fromChatShape(o, maxTokens);
  if ("response" in o || "tool_calls" in o) return fromNative(o, maxTokens);
  throw unexpected(output);
}
__name(normaliseTextOutput, "normaliseTextOutput");
function fromNative(o, maxTokens) {
  return finish({ text: textOf(o.response), toolCalls: toolCallsOf(o.tool_calls), usage: usageOf(o.usage) }, maxTokens);
}
__name(fromNative, "fromNative");
function fromChatShape(o, maxTokens) {
  const choice = o.choices[0] ?? {};
  const message = choice.message ?? {};
  return finish(
    {
      text: textOf(message.content),
      reasoning: textOf(message.reasoning_content ?? message.reasoning),
      toolCalls: toolCallsOf(message.tool_calls),
      usage: usageOf(o.usage),
      finishReason: finishReasonOf(choice.finish_reason)
    },
    maxTokens
  );
}
__name(fromChatShape, "fromChatShape");
function fromResponses(o, maxTokens) {
  let text = "";
  let reasoning = "";
  const calls = [];
  for (const item of o.output ?? []) {
    if (item.type === "message") for (const part of item.content ?? []) text += part.type === "output_text" || part.type === "text" ? part.text ?? "" : "";
    else if (item.type === "reasoning") for (const part of [...item.content ?? [], ...item.summary ?? []]) reasoning += part.text ?? "";
    else if (item.type === "function_call") calls.push({ id: item.call_id ?? item.id, name: item.name, arguments: item.arguments });
  }
  if (!text && typeof o.output_text === "string") text = o.output_text;
  const u = o.usage;
  const usage = u ? usageOf({ prompt_tokens: u.input_tokens, completion_tokens: u.output_tokens, total_tokens: u.total_tokens }) : void 0;
  const finishReason2 = o.status === "incomplete" ? "length" : void 0;
  return finish({ text, reasoning, toolCalls: toolCallsOf(calls), usage, finishReason: finishReason2 }, maxTokens);
}
__name(fromResponses, "fromResponses");
function finish(partial, maxTokens) {
  const toolCalls = partial.toolCalls ?? [];
  const usage = partial.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  let finishReason2 = partial.finishReason;
  if (toolCalls.length) finishReason2 = "tool_calls";
  finishReason2 ??= maxTokens !== void 0 && usage.completion_tokens >= maxTokens ? "length" : "stop";
  return { text: partial.text ?? "", reasoning: partial.reasoning ?? "", toolCalls, finishReason: finishReason2, usage };
}
__name(finish, "finish");
function textOf(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((part) => typeof part === "string" ? part : part?.text ?? "").join("");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
__name(textOf, "textOf");
function argumentsText(value) {
  if (typeof value === "string") return value;
  return JSON.stringify(value ?? {});
}
__name(argumentsText, "argumentsText");
function toolCallsOf(value) {
  if (!Array.isArray(value)) return [];
  return value.map((call) => {
    const fn = call.function ?? call;
    return { id: typeof call.id === "string" && call.id ? call.id : newToolCallId(), name: String(fn.name ?? ""), arguments: argumentsText(fn.arguments) };
  });
}
__name(toolCallsOf, "toolCallsOf");
function usageOf(value) {
  if (!value || typeof value !== "object") return void 0;
  const u = value;
  const prompt = Number(u.prompt_tokens ?? u.input_tokens ?? 0) || 0;
  const completion = Number(u.completion_tokens ?? u.output_tokens ?? 0) || 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: Number(u.total_tokens) || prompt + completion };
}
__name(usageOf, "usageOf");
function finishReasonOf(value) {
  switch (value) {
    case "stop":
    case "length":
    case "tool_calls":
    case "content_filter":
      return value;
    case "function_call":
      return "tool_calls";
    case "eos":
    case "end_turn":
      return "stop";
    case "max_tokens":
      return "length";
    default:
      return void 0;
  }
}
__name(finishReasonOf, "finishReasonOf");
function newToolCallId() {
  return `call_${randomId(24)}`;
}
__name(newToolCallId, "newToolCallId");
function randomId(length) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = "";
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
}
__name(randomId, "randomId");
function unexpected(output) {
  const preview = JSON.stringify(output)?.slice(0, 200) ?? String(output);
  return new ApiError(502, `Workers AI returned an answer of an unexpected shape: ${preview}`, "server_error", null, "upstream_bad_response");
}
__name(unexpected, "unexpected");

// src/cache/response-cache.ts
var FORMAT = 1;
var MAX_VALUE_BYTES = 1024 * 1024;
var writesRefusedUntil = 0;
function cacheEnabled(env, config) {
  return env.CACHE !== void 0 && config.cacheTtlSeconds > 0;
}
__name(cacheEnabled, "cacheEnabled");
async function cacheKey(env, kind, model, inputs) {
  const version = env.CF_VERSION_METADATA?.id ?? "dev";
  const material = JSON.stringify([FORMAT, version, kind, model, inputs]);
  const digest2 = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(material));
  return `resp:${kind}:${[...new Uint8Array(digest2)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
__name(cacheKey, "cacheKey");
async function lookup(env, config, eligible, kind, model, inputs) {
  if (!eligible || !cacheEnabled(env, config)) return void 0;
  const key = await cacheKey(env, kind, model, inputs);
  let hit;
  try {
    hit = await env.CACHE.get(key, "json") ?? void 0;
  } catch {
    hit = void 0;
  }
  return { key, hit };
}
__name(lookup, "lookup");
function store(env, config, slot, value, waitUntil) {
  if (!slot || slot.hit !== void 0 || !cacheEnabled(env, config) || Date.now() < writesRefusedUntil) return;
  const text = JSON.stringify(value);
  if (text.length > MAX_VALUE_BYTES) return;
  waitUntil(
    env.CACHE.put(slot.key, text, { expirationTtl: config.cacheTtlSeconds }).catch((error) => {
      if (/429|limit|quota/i.test(String(error))) writesRefusedUntil = nextUtcMidnight();
    })
  );
}
__name(store, "store");
function cacheHeader(slot) {
  return slot === void 0 ? "BYPASS" : slot.hit !== void 0 ? "HIT" : "MISS";
}
__name(cacheHeader, "cacheHeader");
function nextUtcMidnight() {
  const d = /* @__PURE__ */ new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
__name(nextUtcMidnight, "nextUtcMidnight");

// src/render/stream.ts
var encoder = new TextEncoder();
function renderStream(events, renderer) {
  const reader = events.getReader();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      let out = started ? "" : renderer.start?.() ?? "";
      started = true;
      try {
        while (!out) {
          const { done, value } = await reader.read();
          if (done) {
            controller.enqueue(encoder.encode(renderer.end()));
            controller.close();
            return;
          }
          out = renderer.event(value);
        }
        controller.enqueue(encoder.encode(out));
      } catch (error) {
        controller.enqueue(encoder.encode(out + renderer.error(toApiError(error))));
        controller.close();
        reader.cancel().catch(() => {
        });
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
}
__name(renderStream, "renderStream");
function eventsStream(events) {
  return new ReadableStream({
    start(controller) {
      for (const event of events) controller.enqueue(event);
      controller.close();
    }
  });
}
__name(eventsStream, "eventsStream");

// src/render/chat-stream.ts
function chatStreamRenderer(o) {
  const head = `data: {"id":${JSON.stringify(o.id)},"object":"chat.completion.chunk","created":${o.created},"model":${JSON.stringify(o.model)},"system_fingerprint":null,"choices":[{"index":0,"delta":`;
  const tail = `,"logprobs":null,"finish_reason":null}]${o.includeUsage ? ',"usage":null' : ""}}

`;
  const chunk = /* @__PURE__ */ __name((delta) => head + delta + tail, "chunk");
  const tools = /* @__PURE__ */ new Map();
  let usage;
  let upstreamFinish;
  const openTool = /* @__PURE__ */ __name((tool) => {
    if (tool.opened || tool.name === void 0) return "";
    tool.opened = true;
    tool.id ??= newToolCallId();
    const header = chunk(`{"tool_calls":[{"index":${tool.out},"id":${JSON.stringify(tool.id)},"type":"function","function":{"name":${JSON.stringify(tool.name)},"arguments":""}}]}`);
    const args = tool.pending;
    tool.pending = "";
    return header + (args ? argsChunk(tool, args) : "");
  }, "openTool");
  const argsChunk = /* @__PURE__ */ __name((tool, args) => chunk(`{"tool_calls":[{"index":${tool.out},"function":{"arguments":${JSON.stringify(args)}}}]}`), "argsChunk");
  return {
    start: /* @__PURE__ */ __name(() => chunk(`{"role":"assistant","content":""}`), "start"),
    event(event) {
      switch (event.type) {
        case "text":
          return chunk(`{"content":${JSON.stringify(event.text)}}`);
        case "reasoning":
          return chunk(`{"reasoning_content":${JSON.stringify(event.text)}}`);
        case "tool": {
          let tool = tools.get(event.index);
          if (!tool) tools.set(event.index, tool = { out: tools.size, id: void 0, name: void 0, opened: false, pending: "" });
          if (event.id && !tool.opened) tool.id = event.id;
          if (event.name && !tool.opened) tool.name = event.name;
          if (!tool.opened) {
            tool.pending += event.args;
            return openTool(tool);
          }
          return event.args ? argsChunk(tool, event.args) : "";
        }
        case "usage":
          usage = event.usage;
          return "";
        case "finish":
          upstreamFinish = event.reason;
          return "";
      }
    },
    end() {
      let out = "";
      for (const tool of tools.values()) if (!tool.opened) tool.name ??= "", out += openTool(tool);
      const reason = finishReason(tools.size > 0, upstreamFinish, usage, o.maxTokens);
      out += head + `{},"logprobs":null,"finish_reason":"${reason}"}]${o.includeUsage ? ',"usage":null' : ""}}

`;
      if (o.includeUsage) {
        const u = usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
        out += `data: {"id":${JSON.stringify(o.id)},"object":"chat.completion.chunk","created":${o.created},"model":${JSON.stringify(o.model)},"system_fingerprint":null,"choices":[],"usage":${JSON.stringify(u)}}

`;
      }
      return out + "data: [DONE]\n\n";
    },
    error(error) {
      return `data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}

`;
    }
  };
}
__name(chatStreamRenderer, "chatStreamRenderer");
function finishReason(hasTools, upstream, usage, maxTokens) {
  if (hasTools) return "tool_calls";
  if (upstream) return upstream;
  return maxTokens !== void 0 && usage !== void 0 && usage.completion_tokens >= maxTokens ? "length" : "stop";
}
__name(finishReason, "finishReason");

// src/ai/collect.ts
var ResultCollector = class {
  static {
    __name(this, "ResultCollector");
  }
  text = "";
  reasoning = "";
  tools = /* @__PURE__ */ new Map();
  usage;
  upstreamFinish;
  add(event) {
    switch (event.type) {
      case "text":
        this.text += event.text;
        break;
      case "reasoning":
        this.reasoning += event.text;
        break;
      case "tool": {
        let tool = this.tools.get(event.index);
        if (!tool) this.tools.set(event.index, tool = { id: void 0, name: "", args: "" });
        tool.id ??= event.id;
        if (event.name) tool.name ||= event.name;
        tool.args += event.args;
        break;
      }
      case "usage":
        this.usage = event.usage;
        break;
      case "finish":
        this.upstreamFinish = event.reason;
        break;
    }
  }
  result(maxTokens) {
    const toolCalls = [...this.tools.values()].map((t) => ({ id: t.id ??= newToolCallId(), name: t.name, arguments: t.args || "{}" }));
    return {
      text: this.text,
      reasoning: this.reasoning,
      toolCalls,
      finishReason: finishReason(toolCalls.length > 0, this.upstreamFinish, this.usage, maxTokens),
      usage: this.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }
    };
  }
};
function collectInto(maxTokens, done) {
  const collector = new ResultCollector();
  return new TransformStream({
    transform(event, controller) {
      collector.add(event);
      controller.enqueue(event);
    },
    flush() {
      done(collector.result(maxTokens));
    }
  });
}
__name(collectInto, "collectInto");

// src/ai/errors.ts
function aiErrorCode(error) {
  const message = error instanceof Error ? error.message : String(error);
  const match2 = /^\s*(?:AiError:\s*)?(\d{4})\s*:/.exec(message);
  return match2 ? Number(match2[1]) : void 0;
}
__name(aiErrorCode, "aiErrorCode");
var isCapacityError = /* @__PURE__ */ __name((error) => aiErrorCode(error) === 3040, "isCapacityError");
function mapAiError(error, model) {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = aiErrorCode(error);
  switch (code) {
    case 3040:
      return new ApiError(429, `Workers AI is over capacity for ${model}; retry shortly. (${message})`, "rate_limit_error", null, "capacity_exceeded", { "retry-after": "2" });
    case 3036:
    case 4006:
      return new ApiError(429, `The Workers AI daily allocation is used up; it resets at 00:00 UTC. (${message})`, "insufficient_quota", null, "insufficient_quota", { "x-should-retry": "false" });
    case 5007:
      return new ApiError(404, `The model '${model}' does not exist on Workers AI.`, "invalid_request_error", "model", "model_not_found");
    case 5006:
      return new ApiError(400, `Workers AI rejected the input for ${model}: ${message}`, "invalid_request_error", null, "invalid_model_input");
    case 3006:
      return new ApiError(413, `The request is too large for ${model}. (${message})`, "invalid_request_error", null, "request_too_large");
    case 3007:
    case 3008:
      return new ApiError(504, `Workers AI timed out running ${model}. (${message})`, "server_error", null, "upstream_timeout");
    default:
      return new ApiError(502, `Workers AI failed running ${model}: ${message}`, "server_error", null, "upstream_error");
  }
}
__name(mapAiError, "mapAiError");

// src/ai/run.ts
async function runModel(env, config, model, inputs, useFallbacks = true) {
  const options = config.gatewayId ? { gateway: { id: config.gatewayId } } : void 0;
  const candidates = useFallbacks ? [model, ...config.fallbackModels.filter((m) => m !== model)] : [model];
  let lastError;
  for (const candidate of candidates) {
    try {
      return { model: candidate, output: await env.AI.run(candidate, inputs, options) };
    } catch (error) {
      lastError = error;
      if (!isCapacityError(error)) throw mapAiError(error, candidate);
    }
  }
  throw mapAiError(lastError, model);
}
__name(runModel, "runModel");

// src/ai/stop.ts
function applyStop(result, stop) {
  if (!stop.length) return result;
  const cut = earliest(result.text, stop);
  return cut < 0 ? result : { ...result, text: result.text.slice(0, cut), toolCalls: [], finishReason: "stop" };
}
__name(applyStop, "applyStop");
function earliest(text, stop) {
  let cut = -1;
  for (const s of stop) {
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut;
}
__name(earliest, "earliest");
function stopFilter(stop) {
  if (!stop.length) return new TransformStream();
  const keep = Math.max(...stop.map((s) => s.length)) - 1;
  let held = "";
  let stopped = false;
  return new TransformStream({
    transform(event, controller) {
      if (event.type === "usage") return controller.enqueue(event);
      if (stopped) return;
      if (event.type !== "text") return controller.enqueue(event);
      held += event.text;
      const cut = earliest(held, stop);
      if (cut >= 0) {
        if (cut > 0) controller.enqueue({ type: "text", text: held.slice(0, cut) });
        held = "";
        stopped = true;
        controller.enqueue({ type: "finish", reason: "stop" });
        return;
      }
      let at = Math.max(0, held.length - keep);
      if (at > 0 && at < held.length && isLowSurrogate(held.charCodeAt(at))) at--;
      if (at > 0) {
        controller.enqueue({ type: "text", text: held.slice(0, at) });
        held = held.slice(at);
      }
    },
    flush(controller) {
      if (held && !stopped) controller.enqueue({ type: "text", text: held });
    }
  });
}
__name(stopFilter, "stopFilter");
var isLowSurrogate = /* @__PURE__ */ __name((code) => code >= 56320 && code <= 57343, "isLowSurrogate");

// src/ai/sse.ts
function sseDecoder() {
  const decoder = new TextDecoder();
  let buffer = "";
  let event;
  let data = [];
  const takeLines = /* @__PURE__ */ __name((controller, final) => {
    let start = 0;
    for (; ; ) {
      const nl = buffer.indexOf("\n", start);
      if (nl < 0) break;
      const end = nl > start && buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      handleLine(buffer.slice(start, end), controller);
      start = nl + 1;
    }
    buffer = buffer.slice(start);
    if (final) {
      if (buffer) handleLine(buffer.replace(/\r$/, ""), controller);
      buffer = "";
      handleLine("", controller);
    }
  }, "takeLines");
  const handleLine = /* @__PURE__ */ __name((line, controller) => {
    if (line === "") {
      if (data.length) controller.enqueue({ event, data: data.join("\n") });
      event = void 0;
      data = [];
      return;
    }
    if (line.charCodeAt(0) === 58) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
  }, "handleLine");
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      takeLines(controller, false);
    },
    flush(controller) {
      buffer += decoder.decode();
      takeLines(controller, true);
    }
  });
}
__name(sseDecoder, "sseDecoder");
var encoder2 = new TextEncoder();
var SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive"
};

// src/ai/stream.ts
function normaliseStream(upstream) {
  return upstream.pipeThrough(sseDecoder()).pipeThrough(eventNormaliser());
}
__name(normaliseStream, "normaliseStream");
function eventNormaliser() {
  let nextToolIndex = 0;
  const seenToolIndexes = /* @__PURE__ */ new Set();
  let lastUsage;
  const toolIndex = /* @__PURE__ */ __name((call, position, complete) => {
    if (typeof call.index === "number" && !complete) {
      seenToolIndexes.add(call.index);
      nextToolIndex = Math.max(nextToolIndex, call.index + 1);
      return call.index;
    }
    const index = Math.max(nextToolIndex, position);
    nextToolIndex = index + 1;
    return index;
  }, "toolIndex");
  const emitToolCalls = /* @__PURE__ */ __name((calls, controller) => {
    if (!Array.isArray(calls)) return;
    calls.forEach((call, position) => {
      if (!call || typeof call !== "object") return;
      const fn = call.function ?? call;
      const complete = fn.arguments !== void 0 && typeof fn.arguments !== "string";
      const args = fn.arguments === void 0 || fn.arguments === null ? "" : argumentsText(fn.arguments);
      const event = { type: "tool", index: toolIndex(call, position, complete), args };
      if (typeof call.id === "string" && call.id) event.id = call.id;
      if (typeof fn.name === "string" && fn.name) event.name = fn.name;
      if (event.args || event.id || event.name) controller.enqueue(event);
    });
  }, "emitToolCalls");
  return new TransformStream({
    transform({ data }, controller) {
      if (data === "[DONE]") return;
      let chunk;
      try {
        chunk = JSON.parse(data);
      } catch {
        throw new ApiError(502, `Workers AI sent a stream event that is not JSON: ${data.slice(0, 120)}`, "server_error", null, "upstream_bad_response");
      }
      if (!chunk || typeof chunk !== "object") return;
      if (chunk.error) throw new ApiError(502, `Workers AI failed mid-stream: ${textOf(chunk.error.message ?? chunk.error)}`, "server_error", null, "upstream_error");
      if (Array.isArray(chunk.choices)) {
        for (const choice of chunk.choices) {
          const delta = choice.delta ?? choice.message ?? {};
          const reasoning = delta.reasoning_content ?? delta.reasoning;
          if (typeof reasoning === "string" && reasoning) controller.enqueue({ type: "reasoning", text: reasoning });
          if (delta.content !== void 0 && delta.content !== null) {
            const text = textOf(delta.content);
            if (text) controller.enqueue({ type: "text", text });
          }
          emitToolCalls(delta.tool_calls, controller);
          const reason = finishReasonOf(choice.finish_reason);
          if (reason) controller.enqueue({ type: "finish", reason });
        }
      } else {
        if (chunk.response !== void 0 && chunk.response !== null) {
          const text = textOf(chunk.response);
          if (text) controller.enqueue({ type: "text", text });
        }
        emitToolCalls(chunk.tool_calls, controller);
      }
      if (chunk.usage && typeof chunk.usage === "object") {
        const u = chunk.usage;
        const prompt = Number(u.prompt_tokens ?? u.input_tokens ?? 0) || 0;
        const completion = Number(u.completion_tokens ?? u.output_tokens ?? 0) || 0;
        lastUsage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: Number(u.total_tokens) || prompt + completion };
      }
    },
    flush(controller) {
      if (lastUsage) controller.enqueue({ type: "usage", usage: lastUsage });
    }
  });
}
__name(eventNormaliser, "eventNormaliser");
function resultEvents(result) {
  const events = [];
  if (result.reasoning) events.push({ type: "reasoning", text: result.reasoning });
  if (result.text) events.push({ type: "text", text: result.text });
  result.toolCalls.forEach((call, index) => events.push({ type: "tool", index, id: call.id, name: call.name, args: call.arguments }));
  events.push({ type: "usage", usage: result.usage });
  events.push({ type: "finish", reason: result.finishReason });
  return events;
}
__name(resultEvents, "resultEvents");

// src/ai/text.ts
async function answerText(env, config, waitUntil, call) {
  const slot = await lookup(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) return { cache: "HIT", model: slot.hit.model, result: slot.hit.result };
  const { model, output } = await runModel(env, config, call.model, call.inputs);
  const result = applyStop(await settle(output, call.sampling.maxTokens), call.sampling.stop);
  store(env, config, slot, { model, result }, waitUntil);
  return { cache: cacheHeader(slot), model, result };
}
__name(answerText, "answerText");
async function streamText(env, config, waitUntil, call) {
  const slot = await lookup(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) return { cache: "HIT", model: slot.hit.model, events: eventsStream(resultEvents(slot.hit.result)) };
  const { model, output } = await runModel(env, config, call.model, { ...call.inputs, stream: true });
  const upstream = output instanceof ReadableStream ? normaliseStream(output) : eventsStream(resultEvents(normaliseTextOutput(output, call.sampling.maxTokens)));
  const events = upstream.pipeThrough(stopFilter(call.sampling.stop)).pipeThrough(collectInto(call.sampling.maxTokens, (result) => store(env, config, slot, { model, result }, waitUntil)));
  return { cache: cacheHeader(slot), model, events };
}
__name(streamText, "streamText");
async function settle(output, maxTokens) {
  if (!(output instanceof ReadableStream)) return normaliseTextOutput(output, maxTokens);
  const collector = new ResultCollector();
  await normaliseStream(output).pipeTo(new WritableStream({ write: /* @__PURE__ */ __name((event) => collector.add(event), "write") }));
  return collector.result(maxTokens);
}
__name(settle, "settle");

// src/http/json.ts
var MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;
async function readJsonObject(request, limit = MAX_JSON_BODY_BYTES) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const text = await request.text();
  if (text.length > limit && new TextEncoder().encode(text).length > limit) throw tooLarge(limit);
  if (!text.trim()) throw badRequest("The request body is empty; expected a JSON object.");
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${error.message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw badRequest("The request body must be a JSON object.");
  return value;
}
__name(readJsonObject, "readJsonObject");
function tooLarge(limit) {
  return new ApiError(413, `The request body is larger than ${limit / (1024 * 1024)} MiB.`, "invalid_request_error", null, "request_too_large");
}
__name(tooLarge, "tooLarge");

// src/http/fields.ts
var describe = /* @__PURE__ */ __name((value) => value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`, "describe");
function optionalString(body, field, param = field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") throw badRequest(`'${param}' must be a string, got ${describe(value)}.`, param);
  return value;
}
__name(optionalString, "optionalString");
function requiredString(body, field, param = field) {
  const value = optionalString(body, field, param);
  if (value === void 0 || value === "") throw badRequest(`'${param}' is required.`, param);
  return value;
}
__name(requiredString, "requiredString");
function optionalNumber(body, field, range = {}, param = field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest(`'${param}' must be a number, got ${describe(value)}.`, param);
  if (range.integer && !Number.isInteger(value)) throw badRequest(`'${param}' must be an integer, got ${value}.`, param);
  if (range.min !== void 0 && value < range.min) throw badRequest(`'${param}' must be at least ${range.min}, got ${value}.`, param);
  if (range.max !== void 0 && value > range.max) throw badRequest(`'${param}' must be at most ${range.max}, got ${value}.`, param);
  return value;
}
__name(optionalNumber, "optionalNumber");
function optionalBoolean(body, field, param = field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "boolean") throw badRequest(`'${param}' must be a boolean, got ${describe(value)}.`, param);
  return value;
}
__name(optionalBoolean, "optionalBoolean");
function optionalObject(body, field, param = field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`'${param}' must be an object, got ${describe(value)}.`, param);
  return value;
}
__name(optionalObject, "optionalObject");
function optionalArray(body, field, param = field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (!Array.isArray(value)) throw badRequest(`'${param}' must be an array, got ${describe(value)}.`, param);
  return value;
}
__name(optionalArray, "optionalArray");
function requiredArray(body, field, param = field) {
  const value = optionalArray(body, field, param);
  if (value === void 0) throw badRequest(`'${param}' is required.`, param);
  return value;
}
__name(requiredArray, "requiredArray");
function optionalEnum(body, field, choices, param = field) {
  const value = optionalString(body, field, param);
  if (value === void 0) return void 0;
  if (!choices.includes(value)) throw badRequest(`'${param}' must be one of ${choices.map((c) => `'${c}'`).join(", ")}, got '${value}'.`, param);
  return value;
}
__name(optionalEnum, "optionalEnum");
function asObject(value, param) {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw badRequest(`'${param}' must be an object, got ${describe(value)}.`, param);
  return value;
}
__name(asObject, "asObject");

// src/openai/model.ts
function resolveModel(body, config, fallback) {
  const requested = optionalString(body, "model")?.trim() || fallback;
  const model = config.aliases[requested] ?? requested;
  if (!isWorkersAiModel(model)) {
    throw notFound(`The model '${requested}' does not exist. Use a Workers AI model id (@cf/\u2026) or one of the aliases listed by GET /v1/models.`, "model", "model_not_found");
  }
  return { model, requested };
}
__name(resolveModel, "resolveModel");

// src/openai/sampling.ts
var DEFAULT_MAX_TOKENS = 2048;
function parseSampling(body, maxTokenFields = ["max_completion_tokens", "max_tokens"], defaultMaxTokens = DEFAULT_MAX_TOKENS) {
  let maxTokens;
  for (const field of maxTokenFields) maxTokens ??= optionalNumber(body, field, { min: 1, integer: true });
  const temperature = optionalNumber(body, "temperature", { min: 0, max: 2 });
  const topP = optionalNumber(body, "top_p", { min: 0, max: 1 });
  const seed = optionalNumber(body, "seed", { integer: true, min: 0 });
  const frequency = optionalNumber(body, "frequency_penalty", { min: -2, max: 2 });
  const presence = optionalNumber(body, "presence_penalty", { min: -2, max: 2 });
  const stop = parseStop(body.stop);
  const inputs = { max_tokens: maxTokens ?? defaultMaxTokens };
  if (temperature !== void 0) inputs.temperature = temperature;
  if (topP !== void 0) inputs.top_p = topP;
  if (seed !== void 0) inputs.seed = seed;
  if (frequency !== void 0) inputs.frequency_penalty = frequency;
  if (presence !== void 0) inputs.presence_penalty = presence;
  if (stop.length) inputs.stop = stop;
  return { maxTokens: maxTokens ?? defaultMaxTokens, stop, deterministic: temperature === 0 || seed !== void 0, inputs };
}
__name(parseSampling, "parseSampling");
function parseStop(value) {
  if (value === void 0 || value === null) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length > 4 || list.some((s) => typeof s !== "string" || s === "")) {
    throw badRequest("'stop' must be a non-empty string or an array of up to 4 non-empty strings.", "stop");
  }
  return list;
}
__name(parseStop, "parseStop");

// src/openai/tools.ts
var TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
function parseTools(tools, param = "tools") {
  return (tools ?? []).map((value, i) => {
    const tool = asObject(value, `${param}[${i}]`);
    if (tool.type !== "function") throw badRequest(`'${param}[${i}].type' must be 'function'; other tool types are not supported.`, `${param}[${i}].type`);
    const fn = asObject(tool.function, `${param}[${i}].function`);
    return functionTool(fn, `${param}[${i}].function`);
  });
}
__name(parseTools, "parseTools");
function functionTool(fn, param) {
  const name = optionalString(fn, "name", `${param}.name`);
  if (!name || !TOOL_NAME.test(name)) throw badRequest(`'${param}.name' must be 1\u201364 letters, digits, '_' or '-'.`, `${param}.name`);
  const parameters = fn.parameters === void 0 || fn.parameters === null ? { type: "object", properties: {} } : asObject(fn.parameters, `${param}.parameters`);
  return { type: "function", function: { name, description: optionalString(fn, "description", `${param}.description`) ?? "", parameters } };
}
__name(functionTool, "functionTool");
function parseToolChoice(value, param = "tool_choice") {
  if (value === void 0 || value === null) return void 0;
  if (value === "none" || value === "auto" || value === "required") return value;
  if (value && typeof value === "object" && value.type === "function") {
    const name = value.function?.name ?? value.name;
    if (typeof name === "string" && name) return { type: "function", function: { name } };
  }
  throw badRequest(`'${param}' must be 'none', 'auto', 'required' or {"type":"function","function":{"name":\u2026}}.`, param);
}
__name(parseToolChoice, "parseToolChoice");
function parseResponseFormat(format, param) {
  if (!format) return void 0;
  switch (format.type) {
    case void 0:
    case "text":
      return void 0;
    case "json_object":
      return { type: "json_object" };
    case "json_schema": {
      const wrapper = format.json_schema === void 0 ? format : asObject(format.json_schema, `${param}.json_schema`);
      const schema = asObject(wrapper.schema, `${param}${format.json_schema === void 0 ? "" : ".json_schema"}.schema`);
      return { type: "json_schema", json_schema: schema };
    }
    default:
      throw badRequest(`'${param}.type' must be 'text', 'json_object' or 'json_schema'.`, `${param}.type`);
  }
}
__name(parseResponseFormat, "parseResponseFormat");

// src/openai/chat-request.ts
var ROLES = ["system", "developer", "user", "assistant", "tool"];
function parseChatRequest(body, config) {
  const { model, requested } = resolveModel(body, config, config.defaultModel);
  const raw2 = requiredArray(body, "messages");
  if (raw2.length === 0) throw badRequest("'messages' must contain at least one message.", "messages");
  const messages = raw2.map((m, i) => translateMessage(m, `messages[${i}]`));
  const n = optionalNumber(body, "n", { min: 1, max: 128, integer: true });
  if (n !== void 0 && n > 1) throw badRequest("'n' greater than 1 is not supported by this proxy: Workers AI returns one choice per request. Send n separate requests instead.", "n", "unsupported_parameter");
  const sampling = parseSampling(body);
  const inputs = { messages, ...sampling.inputs };
  const toolChoice = parseToolChoice(body.tool_choice);
  const tools = parseTools(optionalArray(body, "tools"));
  if (tools.length && toolChoice !== "none") {
    inputs.tools = tools;
    if (toolChoice !== void 0) inputs.tool_choice = toolChoice;
    const parallel = optionalBoolean(body, "parallel_tool_calls");
    if (parallel !== void 0) inputs.parallel_tool_calls = parallel;
  }
  const format = parseResponseFormat(optionalObject(body, "response_format"), "response_format");
  if (format) inputs.response_format = format;
  const stream = optionalBoolean(body, "stream") ?? false;
  const streamOptions = optionalObject(body, "stream_options");
  const includeUsage = streamOptions ? optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage") ?? false : false;
  return { model, requestedModel: requested, inputs, stream, includeUsage, sampling };
}
__name(parseChatRequest, "parseChatRequest");
function translateMessage(value, param) {
  const message = asObject(value, param);
  const role = optionalString(message, "role", `${param}.role`);
  if (!role || !ROLES.includes(role)) {
    throw badRequest(`'${param}.role' must be one of ${ROLES.map((r) => `'${r}'`).join(", ")}.`, `${param}.role`);
  }
  const out = { role: role === "developer" ? "system" : role, content: translateContent(message.content, `${param}.content`) };
  if (role === "tool") {
    const id = optionalString(message, "tool_call_id", `${param}.tool_call_id`);
    if (!id) throw badRequest(`'${param}.tool_call_id' is required for a tool message.`, `${param}.tool_call_id`);
    out.tool_call_id = id;
  }
  if (role === "assistant" && message.tool_calls !== void 0 && message.tool_calls !== null) {
    const calls = optionalArray(message, "tool_calls", `${param}.tool_calls`).map((call, i) => {
      const p = `${param}.tool_calls[${i}]`;
      const c = asObject(call, p);
      const fn = asObject(c.function, `${p}.function`);
      const name = optionalString(fn, "name", `${p}.function.name`);
      if (!name) throw badRequest(`'${p}.function.name' is required.`, `${p}.function.name`);
      const args = optionalString(fn, "arguments", `${p}.function.arguments`) ?? "{}";
      return { id: optionalString(c, "id", `${p}.id`) ?? "", type: "function", function: { name, arguments: args } };
    });
    if (calls.length) {
      out.tool_calls = calls;
      if (!out.content) out.content = calls.map((c) => JSON.stringify({ name: c.function.name, parameters: safeJson(c.function.arguments) })).join("\n");
    }
  }
  if (typeof message.name === "string" && message.name) out.name = message.name;
  return out;
}
__name(translateMessage, "translateMessage");
function translateContent(content, param) {
  if (content === void 0 || content === null) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) throw badRequest(`'${param}' must be a string or an array of content parts.`, param);
  const parts = content.map((part, i) => {
    const p = asObject(part, `${param}[${i}]`);
    const type = p.type;
    if (type === "text" || type === "input_text" || type === "output_text") {
      if (typeof p.text !== "string") throw badRequest(`'${param}[${i}].text' must be a string.`, `${param}[${i}].text`);
      return { type: "text", text: p.text };
    }
    if (type === "image_url") {
      const image = asObject(p.image_url, `${param}[${i}].image_url`);
      if (typeof image.url !== "string" || !image.url) throw badRequest(`'${param}[${i}].image_url.url' must be a URL or a data: URL.`, `${param}[${i}].image_url.url`);
      return { type: "image_url", image_url: { url: image.url } };
    }
    if (type === "refusal") return { type: "text", text: String(p.refusal ?? "") };
    throw badRequest(`'${param}[${i}].type' must be 'text' or 'image_url', got ${JSON.stringify(type)}.`, `${param}[${i}].type`);
  });
  return parts.every((p) => p.type === "text") ? parts.map((p) => p.text).join("\n") : parts;
}
__name(translateContent, "translateContent");
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
__name(safeJson, "safeJson");

// src/render/chat.ts
function chatCompletion(id, model, created, result) {
  return {
    id,
    object: "chat.completion",
    created,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: result.toolCalls.length && !result.text ? null : result.text,
          refusal: null,
          ...result.reasoning ? { reasoning_content: result.reasoning } : {},
          ...result.toolCalls.length ? { tool_calls: result.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } })) } : {}
        },
        logprobs: null,
        finish_reason: result.finishReason
      }
    ],
    usage: result.usage
  };
}
__name(chatCompletion, "chatCompletion");

// src/routes/chat.ts
async function createChatCompletion(c) {
  const config = readConfig(c.env);
  const request = parseChatRequest(await readJsonObject(c.req.raw), config);
  const waitUntil = /* @__PURE__ */ __name((p) => c.executionCtx.waitUntil(p), "waitUntil");
  const call = { kind: "chat", model: request.model, inputs: request.inputs, sampling: request.sampling };
  const id = `chatcmpl-${randomId(24)}`;
  const created = Math.floor(Date.now() / 1e3);
  if (request.stream) {
    const { cache: cache2, events } = await streamText(c.env, config, waitUntil, call);
    const renderer = chatStreamRenderer({ id, model: request.requestedModel, created, includeUsage: request.includeUsage, maxTokens: request.sampling.maxTokens });
    return new Response(renderStream(events, renderer), { headers: { ...SSE_HEADERS, "x-cache": cache2 } });
  }
  const { cache, result } = await answerText(c.env, config, waitUntil, call);
  return c.json(chatCompletion(id, request.requestedModel, created, result), 200, { "x-cache": cache });
}
__name(createChatCompletion, "createChatCompletion");

// src/openai/completion-request.ts
var LEGACY_DEFAULT_MAX_TOKENS = 16;
function parseCompletionRequest(body, config) {
  const { model, requested } = resolveModel(body, config, config.defaultModel);
  const prompt = parsePrompt(body.prompt);
  for (const field of ["n", "best_of"]) {
    const value = optionalNumber(body, field, { min: 1, integer: true });
    if (value !== void 0 && value > 1) throw badRequest(`'${field}' greater than 1 is not supported by this proxy: Workers AI returns one completion per request.`, field, "unsupported_parameter");
  }
  if (typeof body.suffix === "string" && body.suffix) throw badRequest("'suffix' (insertion) is not supported by Workers AI models.", "suffix", "unsupported_parameter");
  const sampling = parseSampling(body, ["max_tokens"], LEGACY_DEFAULT_MAX_TOKENS);
  const streamOptions = optionalObject(body, "stream_options");
  return {
    model,
    requestedModel: requested,
    prompt,
    inputs: { prompt, ...sampling.inputs },
    echo: optionalBoolean(body, "echo") ?? false,
    stream: optionalBoolean(body, "stream") ?? false,
    includeUsage: streamOptions ? optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage") ?? false : false,
    sampling
  };
}
__name(parseCompletionRequest, "parseCompletionRequest");
function parsePrompt(value) {
  if (value === void 0 || value === null) throw badRequest("'prompt' is required.", "prompt");
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string") return value[0];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    throw badRequest("'prompt' with several prompts is not supported by this proxy; send one request per prompt.", "prompt", "unsupported_parameter");
  }
  throw badRequest("'prompt' must be a string: token arrays cannot be sent to Workers AI models.", "prompt");
}
__name(parsePrompt, "parsePrompt");

// src/render/completion.ts
function textCompletion(id, model, created, text, result) {
  return {
    id,
    object: "text_completion",
    created,
    model,
    system_fingerprint: null,
    choices: [{ text, index: 0, logprobs: null, finish_reason: result.finishReason === "tool_calls" ? "stop" : result.finishReason }],
    usage: result.usage
  };
}
__name(textCompletion, "textCompletion");
function completionStreamRenderer(o) {
  const head = `data: {"id":${JSON.stringify(o.id)},"object":"text_completion","created":${o.created},"model":${JSON.stringify(o.model)},"system_fingerprint":null,"choices":[{"text":`;
  const chunk = /* @__PURE__ */ __name((text, reason) => `${head}${JSON.stringify(text)},"index":0,"logprobs":null,"finish_reason":${reason ? `"${reason}"` : "null"}}]${o.includeUsage ? ',"usage":null' : ""}}

`, "chunk");
  let usage;
  let upstream;
  return {
    start: /* @__PURE__ */ __name(() => o.echo ? chunk(o.echo, null) : "", "start"),
    event(event) {
      if (event.type === "text") return chunk(event.text, null);
      if (event.type === "usage") usage = event.usage;
      if (event.type === "finish") upstream = event.reason;
      return "";
    },
    end() {
      let out = chunk("", finishReason(false, upstream === "tool_calls" ? void 0 : upstream, usage, o.maxTokens));
      if (o.includeUsage) {
        out += `data: {"id":${JSON.stringify(o.id)},"object":"text_completion","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[],"usage":${JSON.stringify(usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 })}}

`;
      }
      return out + "data: [DONE]\n\n";
    },
    error: /* @__PURE__ */ __name((error) => `data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}

`, "error")
  };
}
__name(completionStreamRenderer, "completionStreamRenderer");

// src/routes/completions.ts
async function createCompletion(c) {
  const config = readConfig(c.env);
  const request = parseCompletionRequest(await readJsonObject(c.req.raw), config);
  const waitUntil = /* @__PURE__ */ __name((p) => c.executionCtx.waitUntil(p), "waitUntil");
  const call = { kind: "completion", model: request.model, inputs: request.inputs, sampling: request.sampling };
  const id = `cmpl-${randomId(24)}`;
  const created = Math.floor(Date.now() / 1e3);
  const echo = request.echo ? request.prompt : "";
  if (request.stream) {
    const { cache: cache2, events } = await streamText(c.env, config, waitUntil, call);
    const renderer = completionStreamRenderer({ id, model: request.requestedModel, created, includeUsage: request.includeUsage, maxTokens: request.sampling.maxTokens, echo });
    return new Response(renderStream(events, renderer), { headers: { ...SSE_HEADERS, "x-cache": cache2 } });
  }
  const { cache, result } = await answerText(c.env, config, waitUntil, call);
  return c.json(textCompletion(id, request.requestedModel, created, echo + result.text, result), 200, { "x-cache": cache });
}
__name(createCompletion, "createCompletion");

// src/routes/embeddings.ts
var BATCH = 100;
var MAX_INPUTS = 2048;
async function createEmbeddings(c) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const { model, requested } = resolveModel(body, config, config.defaultEmbeddingModel);
  const texts = parseInput(body.input);
  const format = optionalEnum(body, "encoding_format", ["float", "base64"]) ?? "float";
  const dimensions = optionalNumber(body, "dimensions", { min: 1, integer: true });
  const slot = await lookup(c.env, config, true, "embeddings", model, { text: texts });
  let vectors = slot?.hit?.vectors;
  if (!vectors) {
    vectors = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const { output } = await runModel(c.env, config, model, { text: texts.slice(i, i + BATCH) }, false);
      vectors.push(...vectorsOf(output, model));
    }
    if (vectors.length !== texts.length) throw new ApiError(502, `Workers AI returned ${vectors.length} embeddings for ${texts.length} inputs.`, "server_error", null, "upstream_bad_response");
    store(c.env, config, slot, { vectors }, (p) => c.executionCtx.waitUntil(p));
  }
  const native = vectors[0]?.length ?? 0;
  if (dimensions !== void 0 && dimensions !== native) {
    throw badRequest(`'dimensions' ${dimensions} is not available: ${model} makes ${native}-dimensional embeddings and cannot shorten them. Omit 'dimensions' or set it to ${native}.`, "dimensions", "unsupported_parameter");
  }
  const tokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  return c.json(
    {
      object: "list",
      data: vectors.map((vector, index) => ({ object: "embedding", index, embedding: format === "base64" ? toBase64(vector) : vector })),
      model: requested,
      usage: { prompt_tokens: tokens, total_tokens: tokens }
    },
    200,
    { "x-cache": cacheHeader(slot) }
  );
}
__name(createEmbeddings, "createEmbeddings");
function parseInput(input) {
  const texts = typeof input === "string" ? [input] : input;
  if (!Array.isArray(texts) || texts.length === 0) throw badRequest("'input' must be a non-empty string or a non-empty array of strings.", "input");
  if (texts.length > MAX_INPUTS) throw badRequest(`'input' may hold at most ${MAX_INPUTS} items.`, "input");
  texts.forEach((text, i) => {
    if (typeof text !== "string") throw badRequest("'input' must be text: token arrays cannot be sent to Workers AI models.", `input[${i}]`);
    if (text === "") throw badRequest(`'input[${i}]' is empty; every input must contain text.`, `input[${i}]`);
  });
  return texts;
}
__name(parseInput, "parseInput");
function vectorsOf(output, model) {
  const data = output?.data;
  if (!Array.isArray(data) || !data.every(Array.isArray)) {
    throw new ApiError(502, `${model} did not return embeddings (is it an embedding model?).`, "server_error", null, "upstream_bad_response");
  }
  return data;
}
__name(vectorsOf, "vectorsOf");
function estimateTokens(text) {
  return Math.max(1, Math.ceil(text.length / 4));
}
__name(estimateTokens, "estimateTokens");
function toBase64(vector) {
  const bytes = new Uint8Array(new Float32Array(vector).buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
  return btoa(binary);
}
__name(toBase64, "toBase64");

// src/ai/catalogue.ts
var KV_KEY = "catalogue:v1";
var TTL_SECONDS = 3600;
var memory;
async function loadCatalogue(env, waitUntil) {
  const now = Date.now();
  if (memory && memory.until > now) return memory.models;
  let models = await env.CACHE?.get(KV_KEY, "json") ?? void 0;
  if (!models) {
    models = (await env.AI.models()).map(({ id, name, description, task, created_at }) => ({ id, name, description, task, created_at }));
    if (env.CACHE) waitUntil(env.CACHE.put(KV_KEY, JSON.stringify(models), { expirationTtl: TTL_SECONDS }).catch(() => {
    }));
  }
  memory = { models, until: now + 6e4 };
  return models;
}
__name(loadCatalogue, "loadCatalogue");
var ownerOf = /* @__PURE__ */ __name((model) => model.split("/")[1] ?? "cloudflare", "ownerOf");
function toOpenAiModels(models, config) {
  const list = models.map((m) => ({
    id: m.name,
    object: "model",
    created: m.created_at ? Math.floor(Date.parse(m.created_at) / 1e3) || 0 : 0,
    owned_by: ownerOf(m.name)
  }));
  const known = new Set(list.map((m) => m.id));
  for (const [alias, target] of Object.entries(config.aliases)) {
    if (!known.has(alias)) list.push({ id: alias, object: "model", created: 0, owned_by: ownerOf(target) });
  }
  return list;
}
__name(toOpenAiModels, "toOpenAiModels");

// src/routes/home.ts
var escape = /* @__PURE__ */ __name((text) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`), "escape");
async function home(c) {
  const config = readConfig(c.env);
  const base = `${new URL(c.req.url).origin}/v1`;
  const catalogue = await loadCatalogue(c.env, (p) => c.executionCtx.waitUntil(p));
  const byTask = /* @__PURE__ */ new Map();
  for (const m of catalogue) {
    const task = m.task?.name ?? "Other";
    byTask.set(task, [...byTask.get(task) ?? [], m.name]);
  }
  const aliases = Object.entries(config.aliases).sort(([a], [b]) => a.localeCompare(b));
  const wantsJson = c.req.query("format") === "json" || (c.req.header("accept") ?? "").startsWith("application/json");
  if (wantsJson) {
    return c.json({
      object: "endpoint",
      description: "OpenAI-compatible API on Cloudflare Workers AI",
      base_url: base,
      auth: "Authorization: Bearer <key>",
      default_model: config.defaultModel,
      models: Object.fromEntries(byTask),
      aliases: Object.fromEntries(aliases)
    });
  }
  const section = /* @__PURE__ */ __name((title, items) => `<h3>${escape(title)}</h3><ul>${items.map((i) => `<li><code>${escape(i)}</code></li>`).join("")}</ul>`, "section");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenAI-compatible API on Workers AI</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}code,pre{background:#f4f4f4;border-radius:4px;padding:.1rem .3rem}pre{padding:.8rem;overflow:auto}</style>
</head><body>
<h1>OpenAI-compatible API on Workers AI</h1>
<p>This endpoint speaks OpenAI's API (chat completions, completions, embeddings, models, images, audio, assistants, responses) and answers with Cloudflare Workers AI models. It needs an API key from whoever runs it.</p>
<h2>Use it</h2>
<p>Base URL: <code>${escape(base)}</code>. Send the key as <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<pre>curl ${escape(base)}/chat/completions \\
  -H "Authorization: Bearer $API_KEY" -H "Content-Type: application/json" \\
  -d '{"model": "${escape(config.defaultModel)}", "messages": [{"role": "user", "content": "Hello"}]}'</pre>
<pre>import OpenAI from "openai";
const client = new OpenAI({ baseURL: "${escape(base)}", apiKey: process.env.API_KEY });</pre>
<p>In tools such as Open WebUI, n8n or LangChain, set the OpenAI base URL to <code>${escape(base)}</code> and the API key to your key.</p>
<h2>Models</h2>
<p>Default: <code>${escape(config.defaultModel)}</code>. OpenAI names work too:</p>
<ul>${aliases.map(([a, t]) => `<li><code>${escape(a)}</code> \u2192 <code>${escape(t)}</code></li>`).join("")}</ul>
${[...byTask].map(([task, names]) => section(task, names.sort())).join("\n")}
<p>Machine-readable: <a href="?format=json">?format=json</a>, or <code>GET /v1/models</code> with a key.</p>
</body></html>`;
  return c.html(html);
}
__name(home, "home");

// src/ai/media.ts
async function bytesOf(output, field, model) {
  if (output instanceof ReadableStream) return new Uint8Array(await new Response(output).arrayBuffer());
  if (output instanceof Uint8Array) return output;
  if (output instanceof ArrayBuffer) return new Uint8Array(output);
  if (output instanceof Response) return new Uint8Array(await output.arrayBuffer());
  const value = output?.[field];
  if (typeof value === "string") return base64ToBytes(value);
  throw new ApiError(502, `${model} returned no ${field} data.`, "server_error", null, "upstream_bad_response");
}
__name(bytesOf, "bytesOf");
function base64ToBytes(b64) {
  const binary = atob(b64.replace(/^data:[^,]*,/, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
__name(base64ToBytes, "base64ToBytes");
function bytesToBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
  return btoa(binary);
}
__name(bytesToBase64, "bytesToBase64");
function imageType(bytes) {
  if (bytes[0] === 137 && bytes[1] === 80) return "image/png";
  if (bytes[0] === 255 && bytes[1] === 216) return "image/jpeg";
  if (bytes[8] === 87 && bytes[9] === 69 && bytes[10] === 66 && bytes[11] === 80) return "image/webp";
  return "application/octet-stream";
}
__name(imageType, "imageType");
function imageInputs(model, prompt, size) {
  if (/flux/.test(model)) return { prompt };
  return size ? { prompt, width: size.width, height: size.height } : { prompt };
}
__name(imageInputs, "imageInputs");
function transcriptionInputs(model, audio, language, prompt) {
  if (/whisper-large-v3-turbo/.test(model)) {
    const inputs = { audio: bytesToBase64(audio) };
    if (language) inputs.language = language;
    if (prompt) inputs.initial_prompt = prompt;
    return inputs;
  }
  return { audio: Array.from(audio) };
}
__name(transcriptionInputs, "transcriptionInputs");
function speechInputs(model, text, voice) {
  if (/aura/.test(model)) return voice && !OPENAI_VOICES.has(voice) ? { text, speaker: voice } : { text };
  return { prompt: text, lang: "en" };
}
__name(speechInputs, "speechInputs");
var OPENAI_VOICES = /* @__PURE__ */ new Set(["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse"]);

// src/routes/images.ts
var DEFAULT_IMAGE_MODEL = "dall-e-3";
async function createImage(c) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const prompt = requiredString(body, "prompt");
  const { model } = resolveModel(body, config, DEFAULT_IMAGE_MODEL);
  const n = optionalNumber(body, "n", { min: 1, max: 4, integer: true }) ?? 1;
  const format = optionalEnum(body, "response_format", ["url", "b64_json"]) ?? "url";
  const size = parseSize(optionalString(body, "size"));
  const data = [];
  for (let i = 0; i < n; i++) {
    const { output } = await runModel(c.env, config, model, imageInputs(model, prompt, size), false);
    const bytes = await bytesOf(output, "image", model);
    const b64 = bytesToBase64(bytes);
    data.push(format === "b64_json" ? { b64_json: b64, revised_prompt: prompt } : { url: `data:${imageType(bytes)};base64,${b64}`, revised_prompt: prompt });
  }
  return c.json({ created: Math.floor(Date.now() / 1e3), data });
}
__name(createImage, "createImage");
function parseSize(size) {
  if (size === void 0 || size === "auto") return void 0;
  const match2 = /^(\d{2,4})x(\d{2,4})$/.exec(size);
  if (!match2) throw badRequest("'size' must be WIDTHxHEIGHT, e.g. '1024x1024', or 'auto'.", "size");
  const [width, height] = [Number(match2[1]), Number(match2[2])];
  if (width < 256 || height < 256 || width > 2048 || height > 2048) throw badRequest("'size' must be between 256x256 and 2048x2048.", "size");
  return { width, height };
}
__name(parseSize, "parseSize");

// src/routes/audio.ts
var MAX_AUDIO_BYTES = 25 * 1024 * 1024;
async function createTranscription(c) {
  const config = readConfig(c.env);
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_AUDIO_BYTES + 64 * 1024) throw tooLarge2();
  if (!(c.req.header("content-type") ?? "").includes("multipart/form-data")) throw badRequest("Send the audio as multipart/form-data with a 'file' field.", "file");
  let form;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw badRequest("The multipart body could not be read.", "file");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw badRequest("'file' is required: the audio file to transcribe.", "file");
  if (file.size > MAX_AUDIO_BYTES) throw tooLarge2();
  const field = /* @__PURE__ */ __name((name) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : void 0;
  }, "field");
  const { model } = resolveModel({ model: field("model") }, config, "whisper-1");
  const format = optionalEnum({ response_format: field("response_format") }, "response_format", ["json", "text", "srt", "verbose_json", "vtt"]) ?? "json";
  const audio = new Uint8Array(await file.arrayBuffer());
  const { output } = await runModel(c.env, config, model, transcriptionInputs(model, audio, field("language"), field("prompt")), false);
  const result = output;
  const text = (result.text ?? "").trim();
  const words = result.words ?? (result.segments ?? []).flatMap((segment) => segment.words ?? []);
  switch (format) {
    case "text":
      return c.text(text);
    case "vtt":
      return c.body(result.vtt ?? "WEBVTT\n\n", 200, { "content-type": "text/vtt; charset=utf-8" });
    case "srt":
      return c.body(vttToSrt(result.vtt ?? ""), 200, { "content-type": "application/x-subrip; charset=utf-8" });
    case "verbose_json":
      return c.json({
        task: "transcribe",
        language: result.transcription_info?.language ?? field("language") ?? "en",
        duration: result.transcription_info?.duration ?? lastEnd(words),
        text,
        words,
        segments: result.segments ?? []
      });
    default:
      return c.json({ text });
  }
}
__name(createTranscription, "createTranscription");
async function createSpeech(c) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const input = requiredString(body, "input");
  if (input.length > 4096) throw badRequest("'input' may be at most 4096 characters.", "input");
  const { model } = resolveModel(body, config, "tts-1");
  const format = optionalEnum(body, "response_format", ["mp3", "opus", "aac", "flac", "wav", "pcm"]) ?? "mp3";
  if (format !== "mp3") throw badRequest(`'response_format' ${format} is not available: Workers AI speech models produce mp3.`, "response_format", "unsupported_parameter");
  optionalNumber(body, "speed", { min: 0.25, max: 4 });
  const voice = typeof body.voice === "string" ? body.voice : void 0;
  const { output } = await runModel(c.env, config, model, speechInputs(model, input, voice), false);
  const bytes = await bytesOf(output, "audio", model);
  return new Response(bytes, { headers: { "content-type": "audio/mpeg" } });
}
__name(createSpeech, "createSpeech");
function tooLarge2() {
  return new ApiError(413, `The audio file is larger than ${MAX_AUDIO_BYTES / (1024 * 1024)} MiB.`, "invalid_request_error", "file", "request_too_large");
}
__name(tooLarge2, "tooLarge");
function lastEnd(words) {
  const last = words?.at(-1);
  return last?.end ?? 0;
}
__name(lastEnd, "lastEnd");
function vttToSrt(vtt) {
  const cues = vtt.replace(/\r/g, "").split(/\n\n+/).filter((block) => block.includes("-->"));
  return cues.map((cue, i) => {
    const lines = cue.split("\n");
    const at = lines.findIndex((l) => l.includes("-->"));
    const timing = lines[at].replace(/(\d\d:\d\d:\d\d)\.(\d\d\d)/g, "$1,$2").replace(/^(\d\d:\d\d)[.,](\d\d\d)/, "00:$1,$2");
    return `${i + 1}
${timing}
${lines.slice(at + 1).join("\n")}
`;
  }).join("\n");
}
__name(vttToSrt, "vttToSrt");

// src/routes/models.ts
async function allModels(c) {
  const catalogue = await loadCatalogue(c.env, (p) => c.executionCtx.waitUntil(p));
  return toOpenAiModels(catalogue, readConfig(c.env));
}
__name(allModels, "allModels");
async function listModels(c) {
  return c.json({ object: "list", data: await allModels(c) });
}
__name(listModels, "listModels");
async function retrieveModel(c) {
  const raw2 = new URL(c.req.url).pathname.slice("/v1/models/".length);
  const id = decodeURIComponent(raw2);
  const model = (await allModels(c)).find((m) => m.id === id);
  if (!model) throw notFound(`The model '${id}' does not exist.`, "model", "model_not_found");
  return c.json(model);
}
__name(retrieveModel, "retrieveModel");

// src/app.ts
var app = new Hono3();
app.onError((error, c) => errorResponse(toApiError(error), corsHeaders(c)));
app.notFound((c) => errorResponse(new ApiError(404, `Unknown route: ${c.req.method} ${new URL(c.req.url).pathname}`, "invalid_request_error", null, "unknown_route"), corsHeaders(c)));
app.use("*", async (c, next) => {
  if (c.req.method === "OPTIONS") return new Response(null, { status: 204, headers: { ...corsHeaders(c), "access-control-max-age": "86400" } });
  await next();
  for (const [k, v] of Object.entries(corsHeaders(c))) c.res.headers.set(k, v);
});
app.use("/v1/*", async (c, next) => {
  await authorize(c.req.raw, c.env.API_KEYS);
  await next();
});
function route(path, handlers) {
  for (const [method, handler] of Object.entries(handlers)) app.on(method, path, handler);
  const allow = Object.keys(handlers).join(", ");
  app.all(path, (c) => {
    throw new ApiError(405, `Method ${c.req.method} is not allowed on ${new URL(c.req.url).pathname}; use ${allow}.`, "invalid_request_error", null, "method_not_allowed", { allow });
  });
}
__name(route, "route");
route("/v1/models", { GET: listModels });
route("/v1/models/*", { GET: retrieveModel });
route("/v1/chat/completions", { POST: createChatCompletion });
route("/v1/completions", { POST: createCompletion });
route("/v1/embeddings", { POST: createEmbeddings });
route("/v1/images/generations", { POST: createImage });
route("/v1/audio/transcriptions", { POST: createTranscription });
route("/v1/audio/speech", { POST: createSpeech });
route("/", { GET: home });
function corsHeaders(c) {
  const origin = c.req.header("origin");
  if (!origin) return {};
  let allowed;
  try {
    allowed = readConfig(c.env).corsOrigins;
  } catch {
    allowed = [];
  }
  const ok = allowed.includes("*") || allowed.includes(origin);
  if (!ok) return {};
  return {
    "access-control-allow-origin": allowed.includes("*") ? "*" : origin,
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": c.req.header("access-control-request-headers") ?? "authorization, content-type, openai-beta",
    "access-control-expose-headers": "x-cache, retry-after, x-request-id",
    ...allowed.includes("*") ? {} : { vary: "origin" }
  };
}
__name(corsHeaders, "corsHeaders");

// src/index.ts
var index_default = {
  fetch: /* @__PURE__ */ __name((request, env, ctx) => app.fetch(request, env, ctx), "fetch")
};
export {
  index_default as default
};
//# sourceMappingURL=index.js.map
