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
    const cacheKey3 = `${label}#${next}`;
    if (!patternCache[cacheKey3]) {
      if (match2[2]) patternCache[cacheKey3] = next && next[0] !== ":" && next[0] !== "*" ? [
        cacheKey3,
        match2[1],
        new RegExp(`^${match2[2]}(?=/${next})`)
      ] : [
        label,
        match2[1],
        new RegExp(`^${match2[2]}$`)
      ];
      else patternCache[cacheKey3] = [
        label,
        match2[1],
        true
      ];
    }
    return patternCache[cacheKey3];
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
  const start3 = url.indexOf("/", url.indexOf(":") + 4);
  let i = start3;
  for (; i < url.length; i++) {
    const charCode = url.charCodeAt(i);
    if (charCode === 37) {
      const queryIndex = url.indexOf("?", i);
      const hashIndex = url.indexOf("#", i);
      const end = queryIndex === -1 ? hashIndex === -1 ? void 0 : hashIndex : hashIndex === -1 ? queryIndex : Math.min(queryIndex, hashIndex);
      const path = url.slice(start3, end);
      const decoded2 = tryDecode(path, decodeURIWithPreservedPercent);
      if (/%(?![0-9A-Fa-f]{2})/.test(path)) {
        const rewritten = new URL("http://localhost");
        rewritten.pathname = decoded2.replace(/[\\\t\n\r]/g, encodeURIComponent);
        if (tryDecode(rewritten.pathname, decodeURIWithPreservedPercent) !== decoded2) return tryDecode(path.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"), decodeURIWithPreservedPercent);
      }
      return decoded2;
    } else if (charCode === 63 || charCode === 35) break;
  }
  return url.slice(start3, i);
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
    const decoded2 = {};
    const keys = Object.keys(this.#matchResult[0][this.routeIndex]?.[1] ?? {});
    for (const key of keys) {
      const value = this.#getParamValue(this.#matchResult[0][this.routeIndex][1][key]);
      if (value !== void 0) decoded2[key] = tryDecodeURIComponent(value);
    }
    return decoded2;
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
var resolveCallback = /* @__PURE__ */ __name(async (str, phase, preserveCallbacks, context2, buffer) => {
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
    context: context2
  }))).then((res) => Promise.all(res.filter(Boolean).map((str2) => resolveCallback(str2, phase, false, context2, buffer))).then(() => buffer[0]));
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
    this.#renderer ??= (content2) => this.html(content2);
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
  return (context2, next) => {
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
        context2.req.routeIndex = i;
      } else handler = i === middleware.length && next || void 0;
      if (handler) try {
        res = await handler(context2, () => dispatch(i + 1));
      } catch (err) {
        if (err instanceof Error && onError) {
          context2.error = err;
          res = await onError(err, context2);
          isError = true;
        } else throw err;
      }
      else if (context2.finalized === false && onNotFound) res = await onNotFound(context2);
      if (res && (context2.finalized === false || isError)) context2.res = res;
      return context2;
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
        const context2 = await composed(c);
        if (!context2.finalized) throw new Error("Context is not finalized. Did you forget to return a Response object or `await next()`?");
        return context2.res;
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
  insert(tokens, index, paramMap, context2, keys) {
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
          nextNode.#varIndex ??= context2.varIndex++;
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
var DEFAULT_CHAT_MODELS = [
  "@cf/google/gemma-4-26b-a4b-it",
  "@cf/zai-org/glm-4.7-flash",
  "@cf/qwen/qwen3-30b-a3b-fp8",
  "@cf/meta/llama-3.1-8b-instruct-fp8"
];
var DEFAULT_EMBEDDING_MODELS = [
  "@cf/baai/bge-base-en-v1.5",
  "@cf/baai/omni-bge-base-en-v1.5",
  "@cf/google/embeddinggemma-300m"
];
var LARGE_CHAT = [
  "@cf/nvidia/nemotron-3-120b-a12b",
  "@cf/qwen/qwen3.8-27b",
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  ...DEFAULT_CHAT_MODELS
];
var SMALL_CHAT = [
  "@cf/zai-org/glm-4.7-flash",
  "@cf/qwen/qwen3-30b-a3b-fp8",
  "@cf/meta/llama-3.2-3b-instruct",
  ...DEFAULT_CHAT_MODELS
];
var REASONING = ["@cf/openai/gpt-oss-120b", "@cf/nvidia/nemotron-3-120b-a12b", "@cf/zai-org/glm-4.7-flash"];
var SMALL_REASONING = ["@cf/openai/gpt-oss-20b", "@cf/zai-org/glm-4.7-flash", "@cf/qwen/qwen3-30b-a3b-fp8"];
var LARGE_EMBEDDING = ["@cf/baai/bge-large-en-v1.5", "@cf/baai/bge-m3", "@cf/qwen/qwen3-embedding-0.6b"];
var IMAGE = [
  "@cf/black-forest-labs/flux-1-schnell",
  "@cf/bytedance/stable-diffusion-xl-lightning",
  "@cf/stabilityai/stable-diffusion-xl-base-1.0"
];
var TRANSCRIBE = ["@cf/openai/whisper-large-v3-turbo", "@cf/openai/whisper"];
var SPEECH = ["@cf/myshell-ai/melotts", "@cf/deepgram/aura-1"];
var BUILT_IN_ALIASES = /* @__PURE__ */ new Map([
  ["gpt-3.5-turbo", DEFAULT_CHAT_MODELS],
  ["gpt-4o-mini", DEFAULT_CHAT_MODELS],
  ["gpt-4.1-mini", DEFAULT_CHAT_MODELS],
  ["gpt-4.1-nano", SMALL_CHAT],
  ["gpt-5-nano", SMALL_CHAT],
  ["gpt-4", LARGE_CHAT],
  ["gpt-4-turbo", LARGE_CHAT],
  ["gpt-4o", LARGE_CHAT],
  ["gpt-4.1", LARGE_CHAT],
  ["gpt-5", REASONING],
  ["o3", REASONING],
  ["gpt-5-mini", SMALL_REASONING],
  ["o3-mini", SMALL_REASONING],
  ["o4-mini", SMALL_REASONING],
  ["text-embedding-ada-002", DEFAULT_EMBEDDING_MODELS],
  ["text-embedding-3-small", DEFAULT_EMBEDDING_MODELS],
  ["text-embedding-3-large", LARGE_EMBEDDING],
  ["dall-e-2", IMAGE],
  ["dall-e-3", IMAGE],
  ["gpt-image-1", IMAGE],
  ["whisper-1", TRANSCRIBE],
  ["gpt-4o-transcribe", TRANSCRIBE],
  ["gpt-4o-mini-transcribe", TRANSCRIBE],
  ["tts-1", SPEECH],
  ["tts-1-hd", SPEECH],
  ["gpt-4o-mini-tts", SPEECH]
]);
var isWorkersAiModel = /* @__PURE__ */ __name((name) => name.startsWith("@cf/") || name.startsWith("@hf/"), "isWorkersAiModel");

// src/ai/model-settings.ts
var ModelSettingError = class extends Error {
  constructor(variable, detail) {
    super(`${variable} ${detail}`);
    this.variable = variable;
    this.detail = detail;
    this.name = "ModelSettingError";
  }
  static {
    __name(this, "ModelSettingError");
  }
};
var splitList = /* @__PURE__ */ __name((text) => (text ?? "").split(/[\n,]/).map((m) => m.trim()).filter(Boolean), "splitList");
var unique = /* @__PURE__ */ __name((names) => [...new Set(names)], "unique");
function aliasObject(value) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") return value;
  if (!value.trim()) return void 0;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new ModelSettingError(
      "MODEL_ALIASES",
      `is not valid JSON (${error.message}); expected e.g. {"gpt-4o-mini": ["@cf/zai-org/glm-4.7-flash", "@cf/qwen/qwen3-30b-a3b-fp8"]}.`
    );
  }
}
__name(aliasObject, "aliasObject");
function parseAliases(value) {
  const aliases = new Map(BUILT_IN_ALIASES);
  const parsed2 = aliasObject(value);
  if (parsed2 === void 0) return aliases;
  if (!parsed2 || typeof parsed2 !== "object" || Array.isArray(parsed2)) {
    throw new ModelSettingError(
      "MODEL_ALIASES",
      "must be a JSON object of name \u2192 Workers AI model id, or \u2192 a list of them tried in order."
    );
  }
  for (const [name, target] of Object.entries(parsed2)) {
    const list = typeof target === "string" ? [target] : target;
    if (!Array.isArray(list) || list.length === 0 || !list.every((t) => typeof t === "string" && isWorkersAiModel(t.trim()))) {
      throw new ModelSettingError(
        "MODEL_ALIASES",
        `maps "${name}" to ${JSON.stringify(target)}; expected a Workers AI model id (@cf/\u2026 or @hf/\u2026) or a non-empty list of them.`
      );
    }
    aliases.set(name, unique(list.map((t) => t.trim())));
  }
  return aliases;
}
__name(parseAliases, "parseAliases");
function candidatesOf(variable, text, aliases) {
  return unique(
    splitList(text).flatMap((name) => {
      if (isWorkersAiModel(name)) return [name];
      const target = aliases.get(name);
      if (target) return target;
      throw new ModelSettingError(variable, `names "${name}", which is neither a Workers AI model id (@cf/\u2026 or @hf/\u2026) nor an alias.`);
    })
  );
}
__name(candidatesOf, "candidatesOf");
function parseModelSettings(vars) {
  const aliases = parseAliases(vars.MODEL_ALIASES);
  const chat = candidatesOf("DEFAULT_AI_MODEL", vars.DEFAULT_AI_MODEL, aliases);
  const embedding = candidatesOf("DEFAULT_EMBEDDING_MODEL", vars.DEFAULT_EMBEDDING_MODEL, aliases);
  return {
    defaultChat: chat.length ? chat : DEFAULT_CHAT_MODELS,
    defaultEmbedding: embedding.length ? embedding : DEFAULT_EMBEDDING_MODELS,
    aliases,
    fallbacks: candidatesOf("FALLBACK_MODELS", vars.FALLBACK_MODELS, aliases)
  };
}
__name(parseModelSettings, "parseModelSettings");

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
function toApiError(error, caller) {
  if (error instanceof ApiError) return error;
  console.error(caller ? `unhandled error (${caller})` : "unhandled error", error);
  return new ApiError(500, "The proxy failed to handle this request.", "server_error", null, "internal_error");
}
__name(toApiError, "toApiError");

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
  if (!choices.includes(value))
    throw badRequest(`'${param}' must be one of ${choices.map((c) => `'${c}'`).join(", ")}, got '${value}'.`, param);
  return value;
}
__name(optionalEnum, "optionalEnum");
function asObject(value, param) {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw badRequest(`'${param}' must be an object, got ${describe(value)}.`, param);
  return value;
}
__name(asObject, "asObject");

// src/openai/sampling.ts
var DEFAULT_MAX_TOKENS = 2048;
var DEFAULT_STREAM_MAX_TOKENS = 1024;
var MAX_OUTPUT_TOKENS = 1e6;
var MAX_SEED = 9999999999;
function parseSampling(body, maxTokenFields = ["max_completion_tokens", "max_tokens"], defaultMaxTokens = DEFAULT_MAX_TOKENS) {
  let maxTokens;
  for (const field of maxTokenFields) maxTokens ??= optionalNumber(body, field, { min: 1, max: MAX_OUTPUT_TOKENS, integer: true });
  const temperature = optionalNumber(body, "temperature", { min: 0, max: 2 });
  const topP = optionalNumber(body, "top_p", { min: 0, max: 1 });
  const seed = optionalNumber(body, "seed", { integer: true, min: 0, max: MAX_SEED });
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

// src/streams/flush.ts
var FLUSH_MS = 50;
var FLUSH_GROWTH = 2;
var FLUSH_CAP = 40;
var FLUSH_LONG = 3;
var FLUSH_MAX_MS = 3e4;
function flushInterval(flushMs, ageMs) {
  if (flushMs <= 0) return 0;
  const cap = Math.max(flushMs * FLUSH_CAP, ageMs / FLUSH_LONG);
  return Math.min(Math.max(flushMs, ageMs * FLUSH_GROWTH), cap, FLUSH_MAX_MS);
}
__name(flushInterval, "flushInterval");
var MAX_READ_BYTES = 1024 * 1024;
function bytesToWaitFor(flushMs, { ageMs, sinceFirstMs, bytesSinceFirst }) {
  if (bytesSinceFirst <= 0) return 1;
  const interval = flushInterval(flushMs, ageMs);
  const bytes = Math.round(bytesSinceFirst * interval / Math.max(sinceFirstMs, interval / 2, 1));
  return Math.min(Math.max(bytes, 1), MAX_READ_BYTES);
}
__name(bytesToWaitFor, "bytesToWaitFor");

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
var MAX_STREAM_FLUSH_MS = 1e3;
var MIN_CACHE_TTL_SECONDS = 60;
function wholeNumber(env, variable, fallback, valid, expected) {
  const raw2 = env[variable];
  if (!raw2?.trim()) return fallback;
  const value = Number(raw2);
  if (!Number.isInteger(value) || !valid(value)) throw new ConfigError(variable, `is "${raw2}"; expected ${expected}.`);
  return value;
}
__name(wholeNumber, "wholeNumber");
function parseConfig(env) {
  let models;
  try {
    models = parseModelSettings(env);
  } catch (error) {
    if (error instanceof ModelSettingError) throw new ConfigError(error.variable, error.detail);
    throw error;
  }
  const cacheTtlSeconds = wholeNumber(
    env,
    "CACHE_TTL_SECONDS",
    DEFAULT_CACHE_TTL_SECONDS,
    (n2) => n2 === 0 || n2 >= MIN_CACHE_TTL_SECONDS,
    `0 (cache off) or a whole number of seconds \u2265 ${MIN_CACHE_TTL_SECONDS}`
  );
  const streamFlushMs = wholeNumber(
    env,
    "STREAM_FLUSH_MS",
    FLUSH_MS,
    (n2) => n2 >= 0 && n2 <= MAX_STREAM_FLUSH_MS,
    `a whole number of milliseconds from 0 (write whatever has arrived at once) to ${MAX_STREAM_FLUSH_MS}`
  );
  const streamMaxTokens = wholeNumber(
    env,
    "STREAM_MAX_TOKENS",
    DEFAULT_STREAM_MAX_TOKENS,
    (n2) => n2 >= 1 && n2 <= MAX_OUTPUT_TOKENS,
    `a whole number of tokens from 1 to ${MAX_OUTPUT_TOKENS} (the limit of a streamed answer whose request sets none; ${DEFAULT_STREAM_MAX_TOKENS} by default)`
  );
  const cacheScope = (env.CACHE_SCOPE ?? "").trim().toLowerCase() || "project";
  if (cacheScope !== "project" && cacheScope !== "shared") {
    throw new ConfigError(
      "CACHE_SCOPE",
      `is "${env.CACHE_SCOPE}"; expected "project" (the default: each project its own cache) or "shared".`
    );
  }
  return {
    models,
    defaultModel: models.defaultChat[0],
    defaultEmbeddingModel: models.defaultEmbedding[0],
    aliases: models.aliases,
    fallbackModels: [...models.fallbacks],
    gatewayId: env.AI_GATEWAY_ID?.trim() || void 0,
    corsOrigins: (env.CORS_ORIGINS ?? "*").split(/[\n,]/).map((o) => o.trim()).filter(Boolean),
    cacheTtlSeconds,
    streamFlushMs,
    streamMaxTokens,
    cacheScope
  };
}
__name(parseConfig, "parseConfig");

// src/http/keys.ts
var KeyEntryError = class extends Error {
  static {
    __name(this, "KeyEntryError");
  }
  constructor(detail) {
    super(detail);
    this.name = "KeyEntryError";
  }
};
var DEFAULT_PROJECT = "default";
var PROJECT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
var KEY_NAME = /^[A-Za-z0-9_.@-]{1,64}$/;
function parseKeyEntries(source) {
  const entries = (source ?? "").split(/[\n,]/).map((k) => k.trim()).filter(Boolean);
  const parsed2 = entries.map((entry, i) => {
    const position = i + 1;
    const first = entry.indexOf(":");
    if (first < 0) return { project: DEFAULT_PROJECT, name: `${DEFAULT_PROJECT}#${position}`, key: entry };
    const project = entry.slice(0, first);
    const rest = entry.slice(first + 1);
    const second = rest.indexOf(":");
    const name = second < 0 ? "" : rest.slice(0, second);
    const key = second < 0 ? rest : rest.slice(second + 1);
    const where = `entry ${position} (of ${entries.length})`;
    if (!PROJECT_NAME.test(project)) {
      throw new KeyEntryError(
        `${where} has a project name that is not 1-64 letters, digits, '_' or '-'. Entries are key, project:key or project:name:key.`
      );
    }
    if (name !== "" && !KEY_NAME.test(name)) {
      throw new KeyEntryError(`${where} has a key name that is not 1-64 letters, digits, '_', '.', '@' or '-'.`);
    }
    if (key.trim() === "") throw new KeyEntryError(`${where} (project ${project}) has an empty key.`);
    return { project, name: name || `${project}#${position}`, key: key.trim() };
  });
  const projectOf = /* @__PURE__ */ new Map();
  parsed2.forEach((entry, i) => {
    const other = projectOf.get(entry.key);
    if (other !== void 0 && other !== entry.project) {
      throw new KeyEntryError(
        `entry ${i + 1} gives project ${entry.project} a key that an earlier entry gives project ${other}; a key belongs to one project.`
      );
    }
    projectOf.set(entry.key, entry.project);
  });
  return parsed2;
}
__name(parseKeyEntries, "parseKeyEntries");

// src/http/auth.ts
var encoder = new TextEncoder();
var MIN_WIDTH = 256;
var parsed = /* @__PURE__ */ new Map();
function keysOf(source) {
  const known = parsed.get(source);
  if (known) return known;
  let entries;
  try {
    entries = parseKeyEntries(source);
  } catch (error) {
    throw error instanceof KeyEntryError ? new ConfigError("API_KEYS", error.message) : error;
  }
  const bytes = entries.map((entry) => encoder.encode(entry.key));
  const width = Math.max(MIN_WIDTH, ...bytes.map((b) => b.length));
  const padded = bytes.map((b) => {
    const out = new Uint8Array(width);
    out.set(b);
    return out;
  });
  const keys = { source, width, padded, lengths: bytes.map((b) => b.length), entries };
  if (parsed.size >= 4) parsed.clear();
  parsed.set(source, keys);
  return keys;
}
__name(keysOf, "keysOf");
function authorize(request, keysSource) {
  const keys = keysOf(keysSource);
  if (keys.padded.length === 0) {
    throw new ApiError(
      401,
      "This proxy has no API keys configured, so it refuses every request. Set the API_KEYS secret (e.g. `wrangler secret put API_KEYS`, or the action's `api-keys` input).",
      "authentication_error",
      null,
      "no_api_keys_configured"
    );
  }
  const header = request.headers.get("authorization") ?? "";
  const match2 = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match2) {
    throw new ApiError(
      401,
      "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.",
      "authentication_error",
      null,
      "missing_api_key"
    );
  }
  const presented = encoder.encode(match2[1].trim());
  let matched = -1;
  if (presented.length <= keys.width) {
    const padded = new Uint8Array(keys.width);
    padded.set(presented);
    for (let i = 0; i < keys.padded.length; i++) {
      const same = crypto.subtle.timingSafeEqual(padded, keys.padded[i]) && keys.lengths[i] === presented.length;
      matched = same && matched < 0 ? i : matched;
    }
  }
  if (matched >= 0) return { project: keys.entries[matched].project, name: keys.entries[matched].name };
  throw new ApiError(401, "Incorrect API key provided.", "authentication_error", null, "invalid_api_key");
}
__name(authorize, "authorize");

// src/http/principal.ts
function setPrincipal(c, principal2) {
  c.set("project", principal2.project);
  c.set("keyName", principal2.name);
}
__name(setPrincipal, "setPrincipal");
function principal(c) {
  const project = c.get("project");
  if (project === void 0) throw new Error("principal() called on a route without authentication");
  return { project, name: c.get("keyName") };
}
__name(principal, "principal");

// src/random.ts
var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var UNBIASED_BELOW = 248;
function randomChars(length) {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(Math.min(length - out.length + 8, 4096)))) {
      if (byte < UNBIASED_BELOW) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}
__name(randomChars, "randomChars");

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
      // A chat model given a bare prompt answers as a legacy text_completion: choices[].text.
      text: textOf(message.content ?? choice.text),
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
  for (const item2 of o.output ?? []) {
    if (item2.type === "message")
      for (const part of item2.content ?? []) text += part.type === "output_text" || part.type === "text" ? part.text ?? "" : "";
    else if (item2.type === "reasoning") for (const part of [...item2.content ?? [], ...item2.summary ?? []]) reasoning += part.text ?? "";
    else if (item2.type === "function_call") calls.push({ id: item2.call_id ?? item2.id, name: item2.name, arguments: item2.arguments });
  }
  if (!text && typeof o.output_text === "string") text = o.output_text;
  const usage = usageOf(o.usage);
  const finishReason2 = o.status === "incomplete" ? "length" : void 0;
  return finish({ text, reasoning, toolCalls: toolCallsOf(calls), usage, finishReason: finishReason2 }, maxTokens);
}
__name(fromResponses, "fromResponses");
function finish(partial, maxTokens) {
  const toolCalls = partial.toolCalls ?? [];
  const usage = partial.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  return {
    text: partial.text ?? "",
    reasoning: partial.reasoning ?? "",
    toolCalls,
    finishReason: finishReason(toolCalls.length > 0, partial.finishReason, usage, maxTokens),
    usage
  };
}
__name(finish, "finish");
function finishReason(hasTools, upstream, usage, maxTokens) {
  if (hasTools) return "tool_calls";
  if (upstream) return upstream;
  return maxTokens !== void 0 && usage !== void 0 && usage.completion_tokens >= maxTokens ? "length" : "stop";
}
__name(finishReason, "finishReason");
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
    return {
      id: typeof call.id === "string" && call.id ? call.id : newToolCallId(),
      name: String(fn.name ?? ""),
      arguments: argumentsText(fn.arguments)
    };
  });
}
__name(toolCallsOf, "toolCallsOf");
function usageOf(value) {
  if (!value || typeof value !== "object") return void 0;
  const u = value;
  const prompt = Number(u.prompt_tokens ?? u.input_tokens ?? 0) || 0;
  const completion = Number(u.completion_tokens ?? u.output_tokens ?? 0) || 0;
  const usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: Number(u.total_tokens) || prompt + completion
  };
  const cached4 = (u.prompt_tokens_details ?? u.input_tokens_details)?.cached_tokens;
  const reasoning = (u.completion_tokens_details ?? u.output_tokens_details)?.reasoning_tokens;
  if (typeof cached4 === "number") usage.prompt_tokens_details = { cached_tokens: cached4 };
  if (typeof reasoning === "number") usage.completion_tokens_details = { reasoning_tokens: reasoning };
  return usage;
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
  return randomChars(length);
}
__name(randomId, "randomId");
function unexpected(output) {
  const preview = JSON.stringify(output)?.slice(0, 200) ?? String(output);
  return new ApiError(
    502,
    `Workers AI returned an answer of an unexpected shape: ${preview}`,
    "server_error",
    null,
    "upstream_bad_response"
  );
}
__name(unexpected, "unexpected");

// src/cache/response-cache.ts
var FORMAT = 1;
var MAX_VALUE_BYTES = 1024 * 1024;
var writesRefusedUntil = 0;
function scopedKind(config, project, kind) {
  return config.cacheScope === "shared" ? kind : `${kind}/${project}`;
}
__name(scopedKind, "scopedKind");
function cacheEnabled(env, config) {
  return env.CACHE !== void 0 && config.cacheTtlSeconds > 0;
}
__name(cacheEnabled, "cacheEnabled");
async function cacheKey(env, kind, model, inputs) {
  const version = env.CF_VERSION_METADATA?.id ?? "dev";
  const material = JSON.stringify([FORMAT, version, kind, model, inputs]);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(material));
  return `resp:${kind}:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
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
  /** The stream said how it ended (a finish reason or usage): a stream cut off upstream says neither. */
  get ended() {
    return this.upstreamFinish !== void 0 || this.usage !== void 0;
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
function collectStage(maxTokens, done) {
  const collector = new ResultCollector();
  return {
    push(event, emit) {
      collector.add(event);
      emit(event);
    },
    end() {
      if (collector.ended) done(collector.result(maxTokens));
    }
  };
}
__name(collectStage, "collectStage");

// src/usage/prices.ts
var USD_PER_NEURON = 0.011 / 1e3;
var UNITS = [
  [/^per m(?:illion)? cached input tokens$/, "cachedInput", 1e6],
  [/^per m(?:illion)? input tokens$/, "input", 1e6],
  [/^per m(?:illion)? output tokens$/, "output", 1e6],
  [/^per k input tokens$/, "input", 1e3],
  [/^per k output tokens$/, "output", 1e3],
  [/^per audio minute$/, "audioMinute", 1],
  [/^per (?:1k|k) characters$/, "character", 1e3],
  [/^per m characters$/, "character", 1e6],
  [/^per (?:512 by 512 tile|image|step)$/, "image", 1]
];
function priceOf(model) {
  const entries = model?.properties?.find((p) => p.property_id === "price")?.value;
  if (!Array.isArray(entries)) return void 0;
  const price = {};
  for (const entry of entries) {
    if (!entry || typeof entry !== "object") continue;
    const unit = String(entry.unit ?? "").trim().toLowerCase();
    const usd = Number(entry.price);
    if (!Number.isFinite(usd) || usd < 0) continue;
    const known = UNITS.find(([pattern]) => pattern.test(unit));
    if (known) price[known[1]] = usd / known[2];
  }
  return Object.keys(price).length ? price : void 0;
}
__name(priceOf, "priceOf");
function neuronsFor(price, a) {
  if (!price) return 0;
  const cached4 = Math.min(a.cachedTokens ?? 0, a.inputTokens ?? 0);
  const usd = ((a.inputTokens ?? 0) - cached4) * (price.input ?? 0) + cached4 * (price.cachedInput ?? price.input ?? 0) + (a.outputTokens ?? 0) * (price.output ?? 0) + (a.audioSeconds ?? 0) / 60 * (price.audioMinute ?? 0) + (a.characters ?? 0) * (price.character ?? 0) + (a.images ?? 0) * (price.image ?? 0);
  return usd / USD_PER_NEURON;
}
__name(neuronsFor, "neuronsFor");

// src/ai/retired.ts
var RETIRED = [
  [null, ["@cf/deepseek-ai/deepseek-math-7b-base"]],
  [
    "2025-10-01",
    [
      "@hf/thebloke/deepseek-coder-6.7b-base-awq",
      "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
      "@cf/deepseek-ai/deepseek-math-7b-instruct",
      "@cf/thebloke/discolm-german-7b-v1-awq",
      "@cf/tiiuae/falcon-7b-instruct",
      "@hf/thebloke/llama-2-13b-chat-awq",
      "@hf/thebloke/llamaguard-7b-awq",
      "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
      "@hf/thebloke/neural-chat-7b-v3-1-awq",
      "@cf/openchat/openchat-3.5-0106",
      "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
      "@cf/qwen/qwen1.5-0.5b-chat",
      "@cf/qwen/qwen1.5-1.8b-chat",
      "@cf/qwen/qwen1.5-14b-chat-awq",
      "@cf/qwen/qwen1.5-7b-chat-awq",
      "@hf/nexusflow/starling-lm-7b-beta",
      "@cf/tinyllama/tinyllama-1.1b-chat-v1.0",
      "@cf/fblgit/una-cybertron-7b-v2-bf16",
      "@hf/thebloke/zephyr-7b-beta-awq"
    ]
  ],
  [
    "2026-05-30",
    [
      "@hf/meta-llama/meta-llama-3-8b-instruct",
      "@cf/meta/llama-3-8b-instruct",
      "@cf/meta/llama-3-8b-instruct-awq",
      "@cf/meta/llama-3.1-8b-instruct",
      "@cf/meta/llama-3.1-8b-instruct-awq",
      "@cf/meta/llama-3.1-70b-instruct",
      "@cf/meta/llama-2-7b-chat-int8",
      "@cf/meta/llama-2-7b-chat-fp16",
      "@cf/mistral/mistral-7b-instruct-v0.1",
      "@hf/mistral/mistral-7b-instruct-v0.2",
      "@hf/google/gemma-7b-it",
      "@cf/google/gemma-3-12b-it",
      "@hf/nousresearch/hermes-2-pro-mistral-7b",
      "@cf/microsoft/phi-2",
      "@cf/defog/sqlcoder-7b-2",
      "@cf/unum/uform-gen2-qwen-500m",
      "@cf/facebook/bart-large-cnn"
    ]
  ]
];
var RETIRED_MODELS = new Map(
  RETIRED.flatMap(([date, models]) => models.map((m) => [m, date]))
);

// src/ai/catalogue.ts
var KV_KEY = "catalogue:v2";
var TTL_SECONDS = 3600;
var MEMORY_MS = 6e4;
var memory;
var learned = /* @__PURE__ */ new Map();
var flag = /* @__PURE__ */ __name((value) => value === true || value === "true", "flag");
function factsOf(m) {
  const props = new Map((m.properties ?? []).map((p) => [p.property_id, p.value]));
  const context2 = Number(props.get("context_window") ?? props.get("max_input_tokens"));
  const planned = props.get("planned_deprecation_date");
  const price = priceOf(m);
  return {
    name: m.name,
    task: m.task?.name ?? "",
    created: m.created_at ? Math.floor(Date.parse(m.created_at) / 1e3) || 0 : 0,
    ...Number.isInteger(context2) && context2 > 0 ? { contextWindow: context2 } : {},
    functionCalling: flag(props.get("function_calling")),
    reasoning: flag(props.get("reasoning")),
    vision: flag(props.get("vision")),
    paidOnly: flag(props.get("require_workers_paid")),
    ...typeof planned === "string" && planned ? { plannedDeprecation: planned } : {},
    ...price ? { price } : {}
  };
}
__name(factsOf, "factsOf");
async function loadCatalogue(env, waitUntil) {
  return (await load(env, waitUntil)).models;
}
__name(loadCatalogue, "loadCatalogue");
async function loadCatalogueIndex(env, waitUntil) {
  return (await load(env, waitUntil)).index;
}
__name(loadCatalogueIndex, "loadCatalogueIndex");
var RETRY_MS = 1e4;
var failed;
async function load(env, waitUntil) {
  const now2 = Date.now();
  if (memory && memory.until > now2) return memory;
  if (failed && failed.until > now2) throw failed.error;
  try {
    return await read(env, now2, waitUntil);
  } catch (error) {
    failed = { error, until: now2 + RETRY_MS };
    throw error;
  }
}
__name(load, "load");
async function read(env, now2, waitUntil) {
  let models = await env.CACHE?.get(KV_KEY, "json") ?? void 0;
  if (!Array.isArray(models)) {
    models = (await env.AI.models()).map(factsOf);
    const put = env.CACHE?.put(KV_KEY, JSON.stringify(models), { expirationTtl: TTL_SECONDS }).catch(() => {
    });
    if (put) (waitUntil ?? (() => {
    }))(put);
  }
  learned = new Map([...learned].filter(([name]) => models.some((m) => m.name === name)));
  memory = { models, index: new Map(models.map((m) => [m.name, m])), until: now2 + MEMORY_MS };
  return memory;
}
__name(read, "read");
async function catalogueForChoosing(env, waitUntil) {
  try {
    return await loadCatalogueIndex(env, waitUntil);
  } catch (error) {
    console.warn(`The Workers AI catalogue could not be read; trying models in their configured order: ${String(error)}`);
    return /* @__PURE__ */ new Map();
  }
}
__name(catalogueForChoosing, "catalogueForChoosing");
function learnRetired(model, date) {
  learned.set(model, date);
}
__name(learnRetired, "learnRetired");
function retiredOn(model) {
  if (learned.has(model)) return learned.get(model);
  return RETIRED_MODELS.get(model);
}
__name(retiredOn, "retiredOn");

// src/ai/errors.ts
function aiErrorCode(error) {
  const message = error instanceof Error ? error.message : String(error);
  const match2 = /^\s*(?:AiError:\s*)?(\d{4})\s*:/.exec(message);
  return match2 ? Number(match2[1]) : void 0;
}
__name(aiErrorCode, "aiErrorCode");
function deprecationDate(error) {
  const message = error instanceof Error ? error.message : String(error);
  return /deprecated on (\d{4}-\d{2}-\d{2})/.exec(message)?.[1] ?? null;
}
__name(deprecationDate, "deprecationDate");
var instead = /* @__PURE__ */ __name((replacement) => replacement ? ` Use '${replacement}' instead (what this proxy serves for requests that name no model), or see GET /v1/models.` : " See GET /v1/models.", "instead");
function modelRetired(model, date, replacement) {
  const when = date ? ` on ${date}` : "";
  return new ApiError(
    404,
    `The model '${model}' was deprecated by Cloudflare${when} and no longer runs on Workers AI.${instead(replacement)}`,
    "invalid_request_error",
    "model",
    "model_not_found"
  );
}
__name(modelRetired, "modelRetired");
function modelNeedsPaidPlan(model, replacement) {
  return new ApiError(
    403,
    `The model '${model}' requires a Workers Paid plan (Workers AI error 5035); this account is on Workers Free.${instead(replacement)}`,
    "invalid_request_error",
    "model",
    "model_requires_paid_plan"
  );
}
__name(modelNeedsPaidPlan, "modelNeedsPaidPlan");
function mapAiError(error, model, replacement) {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = aiErrorCode(error);
  switch (code) {
    case 3040:
      return new ApiError(
        429,
        `Workers AI is over capacity for ${model}; retry shortly. (${message})`,
        "rate_limit_error",
        null,
        "capacity_exceeded",
        { "retry-after": "2" }
      );
    case 3036:
    case 4006:
      return new ApiError(
        429,
        `The Workers AI daily allocation is used up; it resets at 00:00 UTC. (${message})`,
        "insufficient_quota",
        null,
        "insufficient_quota",
        { "x-should-retry": "false" }
      );
    case 5007:
      return new ApiError(
        404,
        `The model '${model}' does not exist on Workers AI.${instead(replacement)}`,
        "invalid_request_error",
        "model",
        "model_not_found"
      );
    case 5028:
      return modelRetired(model, deprecationDate(error), replacement);
    case 5035:
      return modelNeedsPaidPlan(model, replacement);
    case 5006:
      return new ApiError(
        400,
        `Workers AI rejected the input for ${model}: ${message}`,
        "invalid_request_error",
        null,
        "invalid_model_input"
      );
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

// src/ai/reasoning.ts
var REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"];
var SESSION_INPUT = "x-session-affinity";
var SWITCH = { kind: "switch", flag: "enable_thinking" };
var GPT_OSS = { kind: "effort", efforts: ["low", "medium", "high"] };
var CONTROLS = /* @__PURE__ */ new Map([
  ["@cf/zai-org/glm-4.7-flash", SWITCH],
  ["@cf/google/gemma-4-26b-a4b-it", SWITCH],
  ["@cf/nvidia/nemotron-3-120b-a12b", SWITCH],
  ["@cf/qwen/qwen3.8-27b", SWITCH],
  ["@cf/qwen/qwen3-30b-a3b-fp8", SWITCH],
  ["@cf/moonshotai/kimi-k2.6", { kind: "switch", flag: "thinking" }],
  ["@cf/moonshotai/kimi-k2.7-code", { kind: "switch", flag: "thinking" }],
  ["@cf/openai/gpt-oss-120b", GPT_OSS],
  ["@cf/openai/gpt-oss-20b", GPT_OSS],
  ["@cf/deepseek-ai/deepseek-v4-flash-0731", { kind: "effort", efforts: ["none", "low", "high", "max"] }],
  ["@cf/zai-org/glm-5.3-flash", { kind: "effort", efforts: ["low", "high", "max"] }]
]);
function nearestEffort(asked, efforts) {
  if (efforts.includes(asked)) return asked;
  const lowest = efforts.includes("none") && asked === "none" ? "none" : efforts.find((e) => e !== "none") ?? efforts[0];
  switch (asked) {
    case "none":
    case "minimal":
    case "low":
      return lowest;
    case "xhigh":
      return efforts.includes("max") ? "max" : efforts[efforts.length - 1];
    default:
      return efforts.includes("high") ? "high" : efforts[efforts.length - 1];
  }
}
__name(nearestEffort, "nearestEffort");
function modelInputs(model, inputs) {
  if (!(SESSION_INPUT in inputs) && !("reasoning_effort" in inputs)) return { inputs };
  const { [SESSION_INPUT]: session, reasoning_effort: effort, ...rest } = inputs;
  const control = CONTROLS.get(model);
  if (typeof effort === "string" && control) {
    if (control.kind === "effort") rest.reasoning_effort = nearestEffort(effort, control.efforts);
    else {
      const kwargs = typeof rest.chat_template_kwargs === "object" && rest.chat_template_kwargs !== null ? rest.chat_template_kwargs : {};
      rest.chat_template_kwargs = { ...kwargs, [control.flag]: effort !== "none" && effort !== "minimal" };
    }
  }
  return { inputs: rest, ...typeof session === "string" && session ? { session } : {} };
}
__name(modelInputs, "modelInputs");

// src/ai/resolve.ts
function servingOrder(candidates, catalogue, retiredOn2) {
  const usable = candidates.filter((m) => retiredOn2(m) === void 0);
  return [...usable.filter((m) => catalogue.has(m)), ...usable.filter((m) => !catalogue.has(m))];
}
__name(servingOrder, "servingOrder");
function firstListed(candidates, catalogue, retiredOn2) {
  return candidates.find((m) => catalogue.has(m) && retiredOn2(m) === void 0);
}
__name(firstListed, "firstListed");

// src/ai/run.ts
async function runModel(env, config, model, inputs, useFallbacks = true, how = {}) {
  const request = how.request ?? { candidates: [model], explicit: true };
  const catalogue = await catalogueForChoosing(env, how.waitUntil);
  const order2 = servingOrder(request.candidates, catalogue, retiredOn);
  const fallbacks = useFallbacks ? servingOrder(config.fallbackModels, catalogue, retiredOn) : [];
  const chain = [.../* @__PURE__ */ new Set([...order2, ...fallbacks])];
  const replacement = /* @__PURE__ */ __name(() => replacementFor(config, catalogue, request), "replacement");
  if (chain.length === 0) {
    const gone = request.candidates[0] ?? model;
    throw modelRetired(gone, retiredOn(gone) ?? null, replacement());
  }
  let lastError;
  let lastModel = chain[0];
  for (const [i, candidate] of chain.entries()) {
    const hasNext = i < chain.length - 1;
    const { inputs: modelIn, session } = modelInputs(candidate, typeof inputs === "function" ? inputs(candidate) : inputs);
    const options = {};
    if (config.gatewayId) options.gateway = { id: config.gatewayId };
    if (session) options.extraHeaders = { "x-session-affinity": session };
    if (hasNext) options.rejectIfBusy = true;
    try {
      const output = await env.AI.run(candidate, modelIn, Object.keys(options).length ? options : void 0);
      return { model: candidate, output };
    } catch (error) {
      lastError = error;
      lastModel = candidate;
      const code = aiErrorCode(error);
      if (code === 5028) learnRetired(candidate, deprecationDate(error));
      const named = request.explicit && candidate === request.candidates[0];
      const movesOn = code === 3040 || code === 5028 || !named && (code === 5007 || code === 5035);
      if (!movesOn || !hasNext) break;
    }
  }
  throw mapAiError(lastError, lastModel, replacement());
}
__name(runModel, "runModel");
function replacementFor(config, catalogue, request) {
  const list = request.replacements ?? config.models.defaultChat;
  return firstListed(list, catalogue, retiredOn) ?? servingOrder(list, catalogue, retiredOn)[0];
}
__name(replacementFor, "replacementFor");
async function chooseModel(env, config, request, waitUntil) {
  const catalogue = await catalogueForChoosing(env, waitUntil);
  const order2 = servingOrder(request.candidates, catalogue, retiredOn);
  if (order2.length) return order2[0];
  const gone = request.candidates[0];
  throw modelRetired(gone, retiredOn(gone) ?? null, replacementFor(config, catalogue, request));
}
__name(chooseModel, "chooseModel");

// src/streams/batch-reader.ts
var FIRST_READ_BYTES = 64 * 1024;
function coalescingReader(upstream, flushMs = FLUSH_MS) {
  return decoded(byteBatches(upstream, flushMs));
}
__name(coalescingReader, "coalescingReader");
function byteBatches(upstream, flushMs = FLUSH_MS) {
  return isByteStream(upstream) ? readingAtLeast(upstream, flushMs) : pump(upstream.getReader());
}
__name(byteBatches, "byteBatches");
function readingAtLeast(upstream, flushMs) {
  const reader = upstream.getReader({ mode: "byob" });
  const hasReadAtLeast = typeof reader.readAtLeast === "function";
  const readAtLeast = hasReadAtLeast ? (min, view) => reader.readAtLeast(min, view) : (_min, view) => reader.read(view);
  let atEnd = false;
  let markEnded;
  const ended = new Promise((resolve) => markEnded = resolve);
  const startedAt = Date.now();
  let firstAt;
  let bytesSinceFirst = 0;
  let buffer = new ArrayBuffer(FIRST_READ_BYTES);
  const wanted = /* @__PURE__ */ __name(() => {
    const now2 = Date.now();
    return bytesToWaitFor(flushMs, { ageMs: now2 - startedAt, sinceFirstMs: now2 - (firstAt ?? now2), bytesSinceFirst });
  }, "wanted");
  const read2 = /* @__PURE__ */ __name(async (want) => {
    if (atEnd) return void 0;
    if (want > buffer.byteLength) buffer = new ArrayBuffer(Math.min(MAX_READ_BYTES, 2 ** Math.ceil(Math.log2(want))));
    const { done, value } = await readAtLeast(want, new Uint8Array(buffer));
    if (done || !value) {
      markEnded();
      return void 0;
    }
    if (hasReadAtLeast && value.byteLength < want) {
      atEnd = true;
      markEnded();
    }
    if (firstAt === void 0) firstAt = Date.now();
    else bytesSinceFirst += value.byteLength;
    buffer = value.buffer;
    return value;
  }, "read");
  return {
    paced: true,
    read: /* @__PURE__ */ __name(() => read2(wanted()), "read"),
    readAtLeast: /* @__PURE__ */ __name((bytes) => read2(Math.max(1, bytes)), "readAtLeast"),
    cancel: /* @__PURE__ */ __name((reason) => reader.cancel(reason), "cancel"),
    ended
  };
}
__name(readingAtLeast, "readingAtLeast");
function decoded(source, utf8 = new TextDecoder()) {
  let finished = false;
  return {
    paced: source.paced,
    async read() {
      for (; ; ) {
        if (finished) return void 0;
        const batch = await source.read();
        if (batch === void 0) {
          finished = true;
          return utf8.decode() || void 0;
        }
        const text = utf8.decode(batch, { stream: true });
        if (text) return text;
      }
    },
    cancel: /* @__PURE__ */ __name((reason) => source.cancel(reason), "cancel"),
    ended: source.ended
  };
}
__name(decoded, "decoded");
function isByteStream(stream) {
  try {
    stream.getReader({ mode: "byob" }).releaseLock();
    return true;
  } catch {
    return false;
  }
}
__name(isByteStream, "isByteStream");
function pump(reader) {
  const box = new Mailbox((reason) => void reader.cancel(reason).catch(() => {
  }));
  (async () => {
    try {
      for (; ; ) {
        const { done, value } = await reader.read();
        if (done || !box.listening) break;
        box.put(value);
      }
      box.close();
    } catch (error) {
      box.fail(error);
    }
  })();
  return {
    async read() {
      const chunks = await box.read();
      return chunks ? concat(chunks) : void 0;
    },
    cancel: /* @__PURE__ */ __name((reason) => box.cancel(reason), "cancel"),
    ended: box.ended
  };
}
__name(pump, "pump");
var Mailbox = class {
  constructor(onCancel = () => {
  }) {
    this.onCancel = onCancel;
  }
  static {
    __name(this, "Mailbox");
  }
  items = [];
  closed = false;
  failure;
  wake;
  whenTaken = [];
  cancelled = false;
  markEnded;
  /** Settles when the producer has closed or failed the mailbox. */
  ended = new Promise((resolve) => this.markEnded = resolve);
  put(...items2) {
    if (this.cancelled) return;
    this.items.push(...items2);
    this.notify();
  }
  /** Resolves once everything put so far has been read (at once if nobody listens any more). */
  taken() {
    if (!this.items.length || this.cancelled) return Promise.resolve();
    return new Promise((resolve) => this.whenTaken.push(resolve));
  }
  close() {
    this.closed = true;
    this.markEnded();
    this.notify();
  }
  fail(error) {
    this.failure = { error };
    this.close();
  }
  get listening() {
    return !this.cancelled;
  }
  async read() {
    while (!this.items.length && !this.closed) await new Promise((resolve) => this.wake = resolve);
    if (this.items.length) {
      const batch = this.items;
      this.items = [];
      this.release();
      return batch;
    }
    if (this.failure) throw this.failure.error;
    return void 0;
  }
  async cancel(reason) {
    this.cancelled = true;
    this.items = [];
    this.release();
    this.onCancel(reason);
  }
  release() {
    const waiting = this.whenTaken;
    this.whenTaken = [];
    for (const resolve of waiting) resolve();
  }
  notify() {
    const wake = this.wake;
    this.wake = void 0;
    wake?.();
  }
};
function concat(chunks) {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n2, c) => n2 + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
__name(concat, "concat");

// src/streams/batched-text.ts
var encoder2 = new TextEncoder();
var Pending = class {
  static {
    __name(this, "Pending");
  }
  /** None of them empty. */
  pieces = [];
  add(piece) {
    if (piece.length) this.pieces.push(piece);
  }
  get empty() {
    return !this.pieces.length;
  }
  /** Everything added since the previous take, as one chunk (a single byte piece as it is); undefined if none. */
  take() {
    const pieces = this.pieces;
    this.pieces = [];
    if (!pieces.length) return void 0;
    if (pieces.every((piece) => typeof piece === "string")) return encoder2.encode(pieces.join(""));
    return concat(pieces.map((piece) => typeof piece === "string" ? encoder2.encode(piece) : piece));
  }
};
function batchedText(source, steps, flushMs = FLUSH_MS) {
  const pending = new Pending();
  let started2 = false;
  let lastSent = -Infinity;
  const startedAt = Date.now();
  let open = true;
  let timer;
  let sourceEnded = false;
  const ended = source.ended?.then(() => void (sourceEnded = true));
  const pause = /* @__PURE__ */ __name(async (ms) => {
    await Promise.race([new Promise((resolve) => timer = setTimeout(resolve, ms)), ...ended ? [ended] : []]);
    clearTimeout(timer);
  }, "pause");
  const send = /* @__PURE__ */ __name((controller) => {
    const chunk = pending.take();
    if (chunk) controller.enqueue(chunk);
    lastSent = Date.now();
  }, "send");
  const finish4 = /* @__PURE__ */ __name((controller) => {
    open = false;
    send(controller);
    controller.close();
  }, "finish");
  return new ReadableStream({
    async pull(controller) {
      try {
        if (!started2) {
          started2 = true;
          pending.add(steps.start());
        }
        for (; ; ) {
          if (!pending.empty && !sourceEnded) {
            if (source.paced) return send(controller);
            const now2 = Date.now();
            const wait = lastSent + flushInterval(flushMs, now2 - startedAt) - now2;
            if (wait > 0) await pause(wait);
            if (!open) return;
            if (!sourceEnded) return send(controller);
          }
          const batch = await source.read();
          if (!open) return;
          if (batch === void 0) {
            pending.add(steps.end());
            return finish4(controller);
          }
          pending.add(steps.item(batch));
        }
      } catch (error) {
        if (!open) return;
        pending.add(steps.error(error));
        finish4(controller);
        source.cancel(error).catch(() => {
        });
      }
    },
    cancel(reason) {
      open = false;
      clearTimeout(timer);
      return source.cancel(reason);
    }
  });
}
__name(batchedText, "batchedText");

// src/streams/openai-chunks.ts
var EMPTY_CHOICES = /"choices": ?\[\]/;
var ROLE_ONLY = /"delta": ?\{"role": ?"assistant"(, ?"content": ?(""|null))?\}/;
var NATIVE_EVENT = 'data: {"response"';
var REASONING2 = '"delta":{"reasoning":';
var REASONING_RENAMED = '"delta":{"reasoning_content":';
var ENDS_BYTES = 2048;
var LF = 10;
var CR = 13;
var NOTHING = new Uint8Array(0);
var encoder3 = new TextEncoder();
var OpenAiChunkFilter = class {
  constructor(includeUsage) {
    this.includeUsage = includeUsage;
  }
  static {
    __name(this, "OpenAiChunkFilter");
  }
  /** The start of an event whose end has not come yet. */
  held = NOTHING;
  done = false;
  /** The text from the last `"usage":{` passed on, for the usage meter: one search a batch, one parse at the end. */
  lastUsage;
  utf8 = new TextDecoder();
  /**
   * The complete events in `bytes` (with what was held back before them), filtered; an incomplete one waits.
   * `bytes` may be overwritten once this returns (a reused read buffer): what is returned or held is a copy.
   */
  push(bytes) {
    const cut = endOfLastEvent(this.held, bytes);
    if (cut < 0) {
      this.held = joined(this.held, bytes);
      return NOTHING;
    }
    const events = joined(this.held, bytes.subarray(0, cut));
    this.held = bytes.slice(cut);
    return events.length > 2 * ENDS_BYTES && this.keepByItsEnds(events) || this.keepWhole(events);
  }
  /** What was held back, and `[DONE]` if the upstream did not send it. */
  end() {
    const held = this.utf8.decode(this.held);
    this.held = NOTHING;
    const rest = held.trim() ? this.keepWhole(encoder3.encode(held.replace(/\n*$/, "\n\n"))) : NOTHING;
    return this.done ? rest : joined(rest, encoder3.encode("data: [DONE]\n\n"));
  }
  /** The last usage object the stream carried (Workers AI puts the running totals on every chunk). */
  usage() {
    const text = this.lastUsage;
    if (!text) return void 0;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) {
        try {
          return JSON.parse(text.slice(0, i + 1));
        } catch {
          return void 0;
        }
      }
    }
    return void 0;
  }
  /** Complete events (whole characters, since they end at a line feed), as they go to the client. */
  keepWhole(events) {
    const decoded2 = this.utf8.decode(events);
    const text = decoded2.includes("\r") ? decoded2.replace(/\r/g, "") : decoded2;
    const out = this.filtered(text);
    return out === decoded2 ? events : encoder3.encode(out);
  }
  /**
   * The same for a large batch, from its ends (see the class): the bytes before the last few events go as they
   * came, unread. Undefined when the batch must be read whole. bench/worker/ab.mjs, 1,000 tokens passed through,
   * 12 rounds × 4 streams: 0.37 ms less isolate CPU per stream than reading every batch whole (median; 9 of 12
   * rounds lower). Reading a batch of 20 KB whole is a decode into a string of as many characters and five
   * searches through it.
   */
  keepByItsEnds(events) {
    const head = this.utf8.decode(events.subarray(0, ENDS_BYTES));
    const tail = this.utf8.decode(events.subarray(events.length - ENDS_BYTES));
    if (head.includes(REASONING2) || tail.includes(REASONING2)) return void 0;
    const last = tail.slice(tail.indexOf("\n\n") + 2);
    const firstEnd = last.indexOf("\n\n");
    if (firstEnd < 0 || this.takenOut(last.slice(0, firstEnd))) return void 0;
    const out = this.filtered(last);
    if (out === last) return events;
    return concat([events.subarray(0, events.length - encoder3.encode(last).length), encoder3.encode(out)]);
  }
  /** `text` (whole events) without what no client accepts, reasoning renamed; notes the usage and `[DONE]`. */
  filtered(text) {
    const at = text.lastIndexOf('"usage":{');
    if (at >= 0) this.lastUsage = text.slice(at + 8);
    let out = text;
    if (!this.includeUsage && text.includes("[]") && EMPTY_CHOICES.test(text) || text.includes(NATIVE_EVENT)) {
      out = out.split("\n\n").filter((event) => !this.takenOut(event)).join("\n\n");
    }
    if (text.includes(REASONING2)) out = out.replaceAll(REASONING2, REASONING_RENAMED);
    if (/\S/.test(out)) this.done = out.endsWith("data: [DONE]\n\n");
    return out;
  }
  /** Whether an event is one that no OpenAI client accepts here. */
  takenOut(event) {
    return event.startsWith(NATIVE_EVENT) || !this.includeUsage && EMPTY_CHOICES.test(event);
  }
};
function endOfLastEvent(held, bytes) {
  const before = /* @__PURE__ */ __name((at) => at >= 0 ? bytes[at] : held[held.length + at], "before");
  for (let at = bytes.lastIndexOf(LF); at >= 0; at = at > 0 ? bytes.lastIndexOf(LF, at - 1) : -1) {
    const previous = before(at - 1);
    if (previous === LF || previous === CR && before(at - 2) === LF) return at + 1;
  }
  return -1;
}
__name(endOfLastEvent, "endOfLastEvent");
var joined = /* @__PURE__ */ __name((a, b) => a.length ? concat([a, b]) : b.slice(), "joined");
function isOpenAiChunk(firstEvent) {
  return firstEvent.startsWith("data: {") && firstEvent.includes('"object":"chat.completion.chunk"');
}
__name(isOpenAiChunk, "isOpenAiChunk");
async function passThroughOpenAiChunks(source, {
  includeUsage,
  errorFrame,
  flushMs,
  meter
}) {
  let seen = "";
  let seenBytes = NOTHING;
  const utf8 = new TextDecoder();
  let want = 1;
  try {
    for (; ; ) {
      const chunk = await (source.readAtLeast ? source.readAtLeast(want) : source.read());
      if (chunk === void 0) break;
      seenBytes = joined(seenBytes, chunk);
      seen += utf8.decode(chunk, { stream: true });
      const text = seen.replace(/\r/g, "");
      const firstEnd = text.indexOf("\n\n");
      if (firstEnd >= 0 && (!ROLE_ONLY.test(text.slice(0, firstEnd)) || text.includes("\n\n", firstEnd + 2))) break;
      if (firstEnd >= 0) want = Math.floor((firstEnd + 2) / 2) - (text.length - firstEnd - 2);
    }
  } catch (error) {
    return { reader: startingWith(seen, { read: /* @__PURE__ */ __name(() => Promise.reject(error), "read"), cancel: /* @__PURE__ */ __name((r) => source.cancel(r), "cancel"), ended: source.ended }) };
  }
  if (!isOpenAiChunk(seen.replace(/^\s+/, ""))) return { reader: startingWith(seen, decoded(source, utf8)) };
  const filter = new OpenAiChunkFilter(includeUsage);
  const watched = meter ? {
    paced: source.paced,
    read: /* @__PURE__ */ __name(() => source.read(), "read"),
    cancel: /* @__PURE__ */ __name((reason) => {
      meter.cancel();
      return source.cancel(reason);
    }, "cancel"),
    ended: source.ended
  } : source;
  const body = batchedText(
    watched,
    {
      start: /* @__PURE__ */ __name(() => filter.push(seenBytes), "start"),
      item: /* @__PURE__ */ __name((chunk) => filter.push(chunk), "item"),
      end: /* @__PURE__ */ __name(() => {
        const rest = filter.end();
        meter?.usage(filter.usage());
        meter?.end();
        return rest;
      }, "end"),
      error: errorFrame
    },
    flushMs
  );
  return { body };
}
__name(passThroughOpenAiChunks, "passThroughOpenAiChunks");
function startingWith(first, source) {
  let pending = first || void 0;
  return {
    paced: source.paced,
    async read() {
      if (pending === void 0) return source.read();
      const batch = pending;
      pending = void 0;
      return batch;
    },
    cancel: /* @__PURE__ */ __name((reason) => source.cancel(reason), "cancel"),
    ended: source.ended
  };
}
__name(startingWith, "startingWith");

// src/render/stream.ts
function renderStream(events, renderer, flushMs) {
  return batchedText(
    events,
    {
      start: /* @__PURE__ */ __name(() => renderer.start?.() ?? "", "start"),
      item: /* @__PURE__ */ __name((batch) => {
        let out = "";
        for (const event of batch) out += renderer.event(event);
        return out;
      }, "item"),
      end: /* @__PURE__ */ __name(() => renderer.end(), "end"),
      error: /* @__PURE__ */ __name((error) => renderer.error(toApiError(error)), "error")
    },
    flushMs
  );
}
__name(renderStream, "renderStream");

// src/ai/merge-deltas.ts
function mergeDeltas(batch) {
  if (batch.length < 2) return batch;
  const out = [];
  let own;
  for (const event of batch) {
    const last = out.at(-1);
    if (last && (event.type === "text" || event.type === "reasoning") && last.type === event.type) {
      if (own !== last) out[out.length - 1] = own = { type: event.type, text: last.text };
      own.text += event.text;
    } else if (last?.type === "tool" && event.type === "tool" && event.index === last.index && !event.id && !event.name) {
      if (own !== last) out[out.length - 1] = own = { ...last };
      own.args += event.args;
    } else out.push(event);
  }
  return out;
}
__name(mergeDeltas, "mergeDeltas");

// src/ai/sse.ts
var SseParser = class {
  static {
    __name(this, "SseParser");
  }
  buffer = "";
  event;
  data = [];
  /**
   * The next piece of the stream's text (streams/batch-reader.ts decodes Workers AI's bytes). `skip`, called where
   * an event may start, may take whole events itself: it returns where they end (or `start` for none).
   */
  push(text, emit, skip) {
    this.buffer += text;
    this.takeLines(emit, false, skip);
  }
  end(emit) {
    this.takeLines(emit, true);
  }
  takeLines(emit, final, skip) {
    const buffer = this.buffer;
    let start3 = 0;
    for (; ; ) {
      if (skip && !this.data.length && this.event === void 0) start3 = skip(buffer, start3);
      const nl = buffer.indexOf("\n", start3);
      if (nl < 0) break;
      if (!this.data.length && this.event === void 0 && buffer.startsWith("data: ", start3) && buffer.charCodeAt(nl + 1) === 10 && buffer.charCodeAt(nl - 1) !== 13) {
        emit({ event: void 0, data: buffer.slice(start3 + 6, nl) });
        start3 = nl + 2;
        continue;
      }
      const end = nl > start3 && buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(buffer.slice(start3, end), emit);
      start3 = nl + 1;
    }
    this.buffer = buffer.slice(start3);
    if (final) {
      if (this.buffer) this.line(this.buffer.replace(/\r$/, ""), emit);
      this.buffer = "";
      this.line("", emit);
    }
  }
  line(line, emit) {
    if (line === "") {
      if (this.data.length) emit({ event: this.event, data: this.data.join("\n") });
      this.event = void 0;
      this.data = [];
      return;
    }
    if (line.charCodeAt(0) === 58) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
  }
};
var encoder4 = new TextEncoder();
var SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive"
};

// src/ai/stream.ts
var CHUNK_HEAD_SOURCE = String.raw`\{"id":"[^"\\]*","object":"chat\.completion\.chunk","created":\d+,"model":"[^"\\]*",`;
var CHUNK_HEAD = new RegExp(CHUNK_HEAD_SOURCE, "g");
var USAGE = /,"usage":\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g;
var TEXT_DELTA = /\{"choices":\[\{"index":0,"delta":(\{(?:"[a-z_]+":null,)*"(?:content|reasoning|reasoning_content)":"[^"\\]*(?:\\.[^"\\]*)*"(?:,"[a-z_]+":null)*\}),(?:"[a-z_]+":null,)*"finish_reason":null(?:,"[a-z_]+":null)*\}\]\}/g;
function compactBatch(joined2) {
  const chunks = joined2.includes('"object":"chat.completion.chunk"');
  const head = chunks ? joined2.replace(CHUNK_HEAD, "{") : joined2;
  const last = head.lastIndexOf(',"usage":{');
  const lean = last > 0 ? head.slice(0, last).replace(USAGE, "") + head.slice(last) : head;
  return chunks ? lean.replace(TEXT_DELTA, "[$1]") : lean;
}
__name(compactBatch, "compactBatch");
var StreamNormaliser = class {
  static {
    __name(this, "StreamNormaliser");
  }
  nextToolIndex = 0;
  /** The last usage seen: parsed, or the JSON text a run of text chunks carried (text-runs.ts), read at the end. */
  lastUsage;
  /** The usage a run of text chunks carried (JSON text: text-runs.ts checks it is valid): the latest one so far. */
  usageText(json) {
    this.lastUsage = json;
  }
  push({ data }, emit) {
    if (data === "[DONE]") return;
    let chunk;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ApiError(
        502,
        `Workers AI sent a stream event that is not JSON: ${data.slice(0, 120)}`,
        "server_error",
        null,
        "upstream_bad_response"
      );
    }
    this.chunk(chunk, emit);
  }
  /**
   * The events of one batch, in order. Their JSON is parsed with one `JSON.parse` when each is an object
   * (bench/worker: a rendered stream parsed event by event spent a fifth of its CPU there); if that fails, event
   * by event, so the events before a bad one still go out and the error names the bad one.
   */
  pushAll(events, emit) {
    const datas = [];
    for (const { data } of events) if (data !== "[DONE]") datas.push(data);
    if (datas.length > 1 && datas.every((d) => d.charCodeAt(0) === 123 && d.charCodeAt(d.length - 1) === 125)) {
      let parsed2;
      try {
        parsed2 = JSON.parse(`[${compactBatch(datas.join(","))}]`);
      } catch {
        parsed2 = void 0;
      }
      if (Array.isArray(parsed2) && parsed2.length === datas.length) {
        for (const chunk of parsed2) {
          if (Array.isArray(chunk)) this.choice({ delta: chunk[0] }, emit);
          else this.chunk(chunk, emit);
        }
        return;
      }
    }
    for (const event of events) this.push(event, emit);
  }
  chunk(chunk, emit) {
    if (!chunk || typeof chunk !== "object") return;
    if (chunk.error)
      throw new ApiError(
        502,
        `Workers AI failed mid-stream: ${textOf(chunk.error.message ?? chunk.error)}`,
        "server_error",
        null,
        "upstream_error"
      );
    if (Array.isArray(chunk.choices)) {
      for (const choice of chunk.choices) this.choice(choice, emit);
    } else {
      if (chunk.response !== void 0 && chunk.response !== null) {
        const text = textOf(chunk.response);
        if (text) emit({ type: "text", text });
      }
      this.toolCalls(chunk.tool_calls, emit);
    }
    if (chunk.usage && typeof chunk.usage === "object") this.lastUsage = usageOf(chunk.usage);
  }
  choice(choice, emit) {
    const delta = choice.delta ?? choice.message ?? {};
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (typeof reasoning === "string" && reasoning) emit({ type: "reasoning", text: reasoning });
    const content2 = delta.content ?? choice.text;
    if (content2 !== void 0 && content2 !== null) {
      const text = textOf(content2);
      if (text) emit({ type: "text", text });
    }
    this.toolCalls(delta.tool_calls, emit);
    const reason = finishReasonOf(choice.finish_reason);
    if (reason) emit({ type: "finish", reason });
  }
  end(emit) {
    const usage = typeof this.lastUsage === "string" ? usageOf(JSON.parse(this.lastUsage)) : this.lastUsage;
    if (usage) emit({ type: "usage", usage });
  }
  toolCalls(calls, emit) {
    if (!Array.isArray(calls)) return;
    calls.forEach((call, position) => {
      if (!call || typeof call !== "object") return;
      const fn = call.function ?? call;
      const complete = fn.arguments !== void 0 && typeof fn.arguments !== "string";
      const args = fn.arguments === void 0 || fn.arguments === null ? "" : argumentsText(fn.arguments);
      const event = { type: "tool", index: this.toolIndex(call, position, complete), args };
      if (typeof call.id === "string" && call.id) event.id = call.id;
      if (typeof fn.name === "string" && fn.name) event.name = fn.name;
      if (event.args || event.id || event.name) emit(event);
    });
  }
  /** Fragments carry their own index; whole calls (native models) each get the next free one. */
  toolIndex(call, position, complete) {
    if (typeof call.index === "number" && !complete) {
      this.nextToolIndex = Math.max(this.nextToolIndex, call.index + 1);
      return call.index;
    }
    const index = Math.max(this.nextToolIndex, position);
    this.nextToolIndex = index + 1;
    return index;
  }
};
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

// src/ai/text-runs.ts
var VALUE = String.raw`(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|null)`;
var OBJECT = String.raw`\{(?:"[a-z_]+":${VALUE}(?:,"[a-z_]+":${VALUE})*)?\}`;
var USAGE2 = String.raw`\{(?:"[a-z_]+":(?:${VALUE}|${OBJECT})(?:,"[a-z_]+":(?:${VALUE}|${OBJECT}))*)?\}`;
var STRING = String.raw`[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*`;
var NULL_KEY = `"[a-z_]+":null`;
var NULL_KEY_AFTER_TEXT = String.raw`"(?!\1")[a-z_]+":null`;
var NULL_KEY_AFTER_DELTA = `"(?!(?:delta|index)")[a-z_]+":null`;
var TEXT_CHUNK = new RegExp(
  `data: ${CHUNK_HEAD_SOURCE}` + String.raw`"choices":\[\{"index":0,"delta":\{(?:${NULL_KEY},)*"(content|reasoning|reasoning_content)":"(${STRING})"(?:,${NULL_KEY_AFTER_TEXT})*\}` + String.raw`(?:,${NULL_KEY_AFTER_DELTA})*\}\](?:,"usage":(${USAGE2}))?\}\n\n`,
  "y"
);
var NATIVE_TEXT = new RegExp(
  String.raw`data: \{"(response)":"(${STRING})"(?:,"p":"[^"\\]*")?(?:,"tool_calls":\[\])?(?:,"usage":(${USAGE2}))?\}\n\n`,
  "y"
);
var kindOf = /* @__PURE__ */ __name((key) => key === "reasoning" || key === "reasoning_content" ? "reasoning" : "text", "kindOf");
function readTextRun(text, start3) {
  const pattern = text.startsWith('data: {"id":"', start3) ? TEXT_CHUNK : text.startsWith('data: {"response":"', start3) ? NATIVE_TEXT : void 0;
  if (!pattern) return void 0;
  pattern.lastIndex = start3;
  let match2 = pattern.exec(text);
  if (!match2) return void 0;
  const events = [];
  let usage;
  let end = start3;
  let kind = kindOf(match2[1]);
  let bodies = [];
  const close = /* @__PURE__ */ __name(() => {
    const joined2 = bodies.join("");
    if (!joined2) return;
    const decoded2 = joined2.includes("\\") ? JSON.parse(`"${joined2}"`) : joined2;
    events.push({ type: kind, text: decoded2 });
  }, "close");
  while (match2) {
    if (kindOf(match2[1]) !== kind) {
      close();
      kind = kindOf(match2[1]);
      bodies = [];
    }
    bodies.push(match2[2]);
    if (match2[3] !== void 0) usage = match2[3];
    end = pattern.lastIndex;
    match2 = pattern.exec(text);
  }
  close();
  return { end, events, usage };
}
__name(readTextRun, "readTextRun");

// src/ai/stages.ts
function link(stages, sink) {
  const emits = [sink];
  for (let i = stages.length - 1; i >= 0; i--) {
    const next = emits[0];
    emits.unshift((event) => stages[i].push(event, next));
  }
  return emits;
}
__name(link, "link");
var Chain = class {
  constructor(stages, sink) {
    this.stages = stages;
    this.emits = link(stages, sink);
  }
  static {
    __name(this, "Chain");
  }
  parser = new SseParser();
  normaliser = new StreamNormaliser();
  emits;
  push(text) {
    this.normalise((collect, skip) => this.parser.push(text, collect, skip));
  }
  cancel() {
    for (const stage of this.stages) stage.cancel?.();
  }
  end() {
    this.normalise((collect) => this.parser.end(collect));
    this.normaliser.end(this.emits[0]);
    this.stages.forEach((stage, i) => stage.end(this.emits[i + 1]));
  }
  /**
   * The events `parse` finds are normalised together (one JSON.parse for the batch), and go through the stages
   * merged (merge-deltas.ts): a stage's cost is per event, and a batch holds hundreds of one-token deltas. Runs
   * of text-only chunks skip the parser and the normaliser (text-runs.ts). Stages take text of any length (a
   * cached answer is one event). What was normalised before a failure still goes through before the failure is
   * reported.
   */
  normalise(parse) {
    const parts = [];
    parse(
      (sse) => void parts.push(sse),
      (text, start3) => {
        const run = readTextRun(text, start3);
        if (!run) return start3;
        parts.push(run);
        return run.end;
      }
    );
    const normalised = [];
    const into = /* @__PURE__ */ __name((event) => void normalised.push(event), "into");
    try {
      let events = [];
      for (const part of parts) {
        if (!("end" in part)) {
          events.push(part);
          continue;
        }
        this.normaliser.pushAll(events, into);
        events = [];
        for (const event of part.events) normalised.push(event);
        if (part.usage !== void 0) this.normaliser.usageText(part.usage);
      }
      this.normaliser.pushAll(events, into);
    } finally {
      for (const event of mergeDeltas(normalised)) this.emits[0](event);
    }
  }
};
function runStages(events, stages, sink) {
  const emits = link(stages, sink);
  for (const event of events) emits[0](event);
  stages.forEach((stage, i) => stage.end(emits[i + 1]));
}
__name(runStages, "runStages");
function renderUpstream(upstream, stages, renderer, flushMs) {
  return renderStream(upstreamEvents(upstream, stages, flushMs), renderer, flushMs);
}
__name(renderUpstream, "renderUpstream");
var encoder5 = new TextEncoder();
function renderEvents(events, stages, renderer) {
  let out = renderer.start?.() ?? "";
  runStages(events, stages, (event) => void (out += renderer.event(event)));
  const bytes = encoder5.encode(out + renderer.end());
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
}
__name(renderEvents, "renderEvents");
function upstreamEvents(upstream, stages = [], flushMs) {
  let batch = [];
  let finished = false;
  let failure2;
  const chain = new Chain(stages, (event) => void batch.push(event));
  const source = upstream instanceof ReadableStream ? coalescingReader(upstream, flushMs) : upstream;
  return {
    paced: source.paced,
    async read() {
      try {
        while (!batch.length && !finished && !failure2) {
          const value = await source.read();
          if (value === void 0) {
            chain.end();
            finished = true;
          } else chain.push(value);
        }
      } catch (error) {
        failure2 = { error };
      }
      if (!batch.length && failure2) throw failure2.error;
      if (!batch.length) return void 0;
      const events = batch;
      batch = [];
      return mergeDeltas(events);
    },
    cancel: /* @__PURE__ */ __name((reason) => {
      if (!finished) chain.cancel();
      return source.cancel(reason);
    }, "cancel"),
    ended: source.ended
  };
}
__name(upstreamEvents, "upstreamEvents");
function eventsOnce(events) {
  let taken = false;
  return {
    read: /* @__PURE__ */ __name(async () => taken || !events.length ? void 0 : (taken = true, events), "read"),
    cancel: /* @__PURE__ */ __name(async () => {
    }, "cancel"),
    ended: Promise.resolve()
  };
}
__name(eventsOnce, "eventsOnce");
function eventsFailing(error) {
  return {
    read: /* @__PURE__ */ __name(() => Promise.reject(error), "read"),
    cancel: /* @__PURE__ */ __name(async () => {
    }, "cancel"),
    ended: Promise.resolve()
  };
}
__name(eventsFailing, "eventsFailing");

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
var StopStage = class {
  constructor(stop) {
    this.stop = stop;
    this.keep = Math.max(...stop.map((s) => s.length)) - 1;
  }
  static {
    __name(this, "StopStage");
  }
  keep;
  held = "";
  stopped = false;
  push(event, emit) {
    if (event.type === "usage") return void emit(event);
    if (this.stopped) return;
    if (event.type !== "text") return void emit(event);
    this.held += event.text;
    const cut = earliest(this.held, this.stop);
    if (cut >= 0) {
      if (cut > 0) emit({ type: "text", text: this.held.slice(0, cut) });
      this.held = "";
      this.stopped = true;
      emit({ type: "finish", reason: "stop" });
      return;
    }
    let at = Math.max(0, this.held.length - this.keep);
    if (at > 0 && at < this.held.length && isLowSurrogate(this.held.charCodeAt(at))) at--;
    if (at > 0) {
      emit({ type: "text", text: this.held.slice(0, at) });
      this.held = this.held.slice(at);
    }
  }
  end(emit) {
    if (this.held && !this.stopped) emit({ type: "text", text: this.held });
  }
};
var stopStages = /* @__PURE__ */ __name((stop) => stop.length ? [new StopStage(stop)] : [], "stopStages");
var isLowSurrogate = /* @__PURE__ */ __name((code) => code >= 56320 && code <= 57343, "isLowSurrogate");

// src/usage/record.ts
var USAGE_KINDS = ["completions", "embeddings", "images", "audio_speeches", "audio_transcriptions"];
function emptyRecord(day, project, keyName, kind, model) {
  return {
    day,
    project,
    keyName,
    model,
    kind,
    requests: 1,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    reasoningTokens: 0,
    neurons: 0,
    cacheHits: 0,
    neuronsSaved: 0,
    images: 0,
    characters: 0,
    audioSeconds: 0
  };
}
__name(emptyRecord, "emptyRecord");

// src/usage/store.ts
var LEDGER_OBJECT = "usage-ledger";
function ledgerOf(env) {
  const ns = env.STATE;
  return ns ? ns.get(ns.idFromName(LEDGER_OBJECT)) : void 0;
}
__name(ledgerOf, "ledgerOf");
function requireLedger(env) {
  const ledger = ledgerOf(env);
  if (!ledger) {
    throw new ApiError(
      501,
      "Usage accounting needs the STATE Durable Object binding, which this deployment does not have.",
      "server_error",
      null,
      "usage_not_configured"
    );
  }
  return ledger;
}
__name(requireLedger, "requireLedger");

// src/usage/recorder.ts
async function record(env, records) {
  const ledger = ledgerOf(env);
  if (!ledger) return;
  try {
    await ledger.recordUsage(records, Date.now());
  } catch (error) {
    console.error("usage: could not record", error instanceof Error ? error.message : String(error));
  }
}
__name(record, "record");

// src/usage/day.ts
var DAY_MS = 864e5;
var utcDay = /* @__PURE__ */ __name((ms) => new Date(ms).toISOString().slice(0, 10), "utcDay");
var dayStartSeconds = /* @__PURE__ */ __name((day) => Date.parse(`${day}T00:00:00Z`) / 1e3, "dayStartSeconds");
var msToMidnight = /* @__PURE__ */ __name((ms) => DAY_MS - ms % DAY_MS, "msToMidnight");
function resetText(ms) {
  const total = Math.max(1, Math.ceil(ms / 1e3));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total % 3600 / 60);
  const s = total % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}
__name(resetText, "resetText");
function daysBetween(startSeconds, endSeconds) {
  const days = [];
  for (let t = Math.floor(startSeconds / 86400) * DAY_MS; t < endSeconds * 1e3; t += DAY_MS) days.push(utcDay(t));
  return days;
}
__name(daysBetween, "daysBetween");

// src/usage/meter.ts
function amountsOf(usage) {
  const u = usage ?? {};
  const n2 = /* @__PURE__ */ __name((v) => typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0, "n");
  return {
    inputTokens: n2(u.prompt_tokens),
    outputTokens: n2(u.completion_tokens),
    cachedTokens: n2(u.prompt_tokens_details?.cached_tokens),
    reasoningTokens: n2(u.completion_tokens_details?.reasoning_tokens)
  };
}
__name(amountsOf, "amountsOf");
var Meter = class {
  constructor(env, waitUntil, kind, project, keyName, nowMs = Date.now()) {
    this.env = env;
    this.waitUntil = waitUntil;
    this.kind = kind;
    this.project = project;
    this.keyName = keyName;
    this.nowMs = nowMs;
  }
  static {
    __name(this, "Meter");
  }
  /** The model asked for, recorded when the request fails before any model answers. */
  requested;
  reports = [];
  pending = 0;
  closed = false;
  flushed = false;
  status = 200;
  /** What one answer cost. */
  report(model, amounts, cacheHit = false) {
    const report = { model, amounts, cacheHit };
    if (this.flushed) this.waitUntil(this.write([report], 0));
    else this.reports.push(report);
  }
  /** An answer that will report later; call the returned function when it has (or has failed). */
  expect() {
    this.pending++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.pending === 0 && this.closed && !this.flushed) this.flush();
    };
  }
  /** A streamed answer: told its usage as it passes, and when it ends or its reader goes away. */
  streamed(model) {
    const done = this.expect();
    let usage;
    let settled = false;
    const settle3 = /* @__PURE__ */ __name(() => {
      if (settled) return;
      settled = true;
      this.report(model, amountsOf(usage));
      done();
    }, "settle");
    return { usage: /* @__PURE__ */ __name((u) => void (usage = u), "usage"), end: settle3, cancel: settle3 };
  }
  /** The same as a stage of the event pipeline (ai/stages.ts). */
  stage(model) {
    return meterStage(this.streamed(model));
  }
  /**
   * Called once the handler has answered: records now, or once every answer it waits for is in (a stream that
   * ends, a background run), from within that answer's own work, so no waitUntil waits on a reader.
   */
  close(status) {
    this.status = status;
    this.closed = true;
    if (this.pending === 0) this.flush();
  }
  flush() {
    this.flushed = true;
    this.waitUntil(this.write(this.reports.splice(0), 1, this.status >= 400 ? this.status : void 0));
  }
  /** One record per model; the request itself is counted once, on the first. */
  async write(reports, requests, errorStatus) {
    if (!ledgerOf(this.env)) return;
    const catalogue = await loadCatalogue(this.env, this.waitUntil).catch(() => []);
    const day = utcDay(this.nowMs);
    const list = reports.length ? reports : [{ model: this.requested ?? "(none)", amounts: {}, cacheHit: false }];
    const records = list.map((r, i) => {
      const neurons = neuronsFor(priceIn(catalogue, r.model), r.amounts);
      return {
        ...emptyRecord(day, this.project, this.keyName, this.kind, r.model),
        requests: i === 0 ? requests : 0,
        inputTokens: r.amounts.inputTokens ?? 0,
        outputTokens: r.amounts.outputTokens ?? 0,
        cachedTokens: r.amounts.cachedTokens ?? 0,
        reasoningTokens: r.amounts.reasoningTokens ?? 0,
        images: r.amounts.images ?? 0,
        characters: r.amounts.characters ?? 0,
        audioSeconds: r.amounts.audioSeconds ?? 0,
        neurons: r.cacheHit ? 0 : neurons,
        cacheHits: r.cacheHit ? 1 : 0,
        neuronsSaved: r.cacheHit ? neurons : 0,
        errorStatus: i === 0 ? errorStatus : void 0
      };
    });
    await record(this.env, records);
  }
};
var priceIn = /* @__PURE__ */ __name((catalogue, model) => catalogue.find((m) => m.name === model)?.price, "priceIn");
function meterStage(meter) {
  return {
    push(event, emit) {
      if (event.type === "usage") meter.usage(event.usage);
      emit(event);
    },
    end: meter.end,
    cancel: meter.cancel
  };
}
__name(meterStage, "meterStage");
var meterOf = /* @__PURE__ */ __name((c) => c.get("meter"), "meterOf");

// src/ai/text.ts
async function answerText(env, config, waitUntil, call) {
  const done = call.meter?.expect();
  try {
    const slot = await lookup(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
    if (slot?.hit) {
      call.meter?.report(slot.hit.model, amountsOf(slot.hit.result.usage), true);
      return { cache: "HIT", model: slot.hit.model, result: slot.hit.result };
    }
    const { model, output } = await runModel(env, config, call.model, call.inputs, true, { request: call.request, waitUntil });
    const result = applyStop(await settle(output, call.sampling.maxTokens), call.sampling.stop);
    call.meter?.report(model, amountsOf(result.usage));
    store(env, config, slot, { model, result }, waitUntil);
    return { cache: cacheHeader(slot), model, result };
  } finally {
    done?.();
  }
}
__name(answerText, "answerText");
async function openStream(env, config, waitUntil, call) {
  const slot = await lookup(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) {
    call.meter?.report(slot.hit.model, amountsOf(slot.hit.result.usage), true);
    return { cache: "HIT", model: slot.hit.model, source: { events: resultEvents(slot.hit.result) }, stages: [] };
  }
  const streams = call.inputs.response_format?.type !== "json_schema";
  const inputs = streams ? { ...call.inputs, stream: true } : call.inputs;
  const { model, output } = await runModel(env, config, call.model, inputs, true, { request: call.request, waitUntil });
  const source = output instanceof ReadableStream ? { upstream: output } : { events: resultEvents(normaliseTextOutput(output, call.sampling.maxTokens)) };
  return {
    cache: cacheHeader(slot),
    model,
    source,
    stages: [...stopStages(call.sampling.stop), ...cacheStages(env, config, slot, model, call, waitUntil)]
  };
}
__name(openStream, "openStream");
function cacheStages(env, config, slot, model, call, waitUntil) {
  if (!slot) return [];
  return [collectStage(call.sampling.maxTokens, (result) => store(env, config, slot, { model, result }, waitUntil))];
}
__name(cacheStages, "cacheStages");
async function streamText(env, config, waitUntil, call) {
  const { source, stages: rewriting, ...answered } = await openStream(env, config, waitUntil, call);
  const stages = [...rewriting, ...meteredStages(call, answered)];
  if ("upstream" in source) return { ...answered, events: upstreamEvents(source.upstream, stages, config.streamFlushMs) };
  const events = [];
  runStages(source.events, stages, (event) => void events.push(event));
  return { ...answered, events: eventsOnce(events) };
}
__name(streamText, "streamText");
async function streamTextRendered(env, config, waitUntil, call, renderer, { passThrough } = {}) {
  const { source, stages: rewriting, ...answered } = await openStream(env, config, waitUntil, call);
  if (!("upstream" in source)) {
    return {
      ...answered,
      body: renderEvents(source.events, [...rewriting, ...meteredStages(call, answered)], renderer),
      passedThrough: false
    };
  }
  let upstream = source.upstream;
  const meter = answered.cache === "HIT" ? void 0 : call.meter?.streamed(answered.model);
  const stages = [...rewriting, ...meter ? [meterStage(meter)] : []];
  if (passThrough && !rewriting.length) {
    const errorFrame = /* @__PURE__ */ __name((error) => renderer.error(toApiError(error)), "errorFrame");
    const tried = await passThroughOpenAiChunks(byteBatches(source.upstream, config.streamFlushMs), {
      ...passThrough,
      errorFrame,
      flushMs: config.streamFlushMs,
      meter
    });
    if ("body" in tried) return { ...answered, body: tried.body, passedThrough: true };
    upstream = tried.reader;
  }
  return { ...answered, body: renderUpstream(upstream, stages, renderer, config.streamFlushMs), passedThrough: false };
}
__name(streamTextRendered, "streamTextRendered");
function meteredStages(call, answered) {
  return call.meter && answered.cache !== "HIT" ? [call.meter.stage(answered.model)] : [];
}
__name(meteredStages, "meteredStages");
async function settle(output, maxTokens) {
  if (!(output instanceof ReadableStream)) return normaliseTextOutput(output, maxTokens);
  const collector = new ResultCollector();
  const events = upstreamEvents(output);
  for (let batch = await events.read(); batch; batch = await events.read()) batch.forEach((event) => collector.add(event));
  return collector.result(maxTokens);
}
__name(settle, "settle");

// src/routes/text-call.ts
function textCallOf(c, config, request, kind) {
  return {
    kind: scopedKind(config, principal(c).project, kind),
    model: request.model,
    request: request.modelRequest,
    inputs: request.inputs,
    sampling: request.sampling,
    meter: meterOf(c)
  };
}
__name(textCallOf, "textCallOf");

// src/http/body.ts
function bodyTooLarge(limit, what = "The request body", param = null) {
  return new ApiError(413, `${what} is larger than ${limit / (1024 * 1024)} MiB.`, "invalid_request_error", param, "request_too_large");
}
__name(bodyTooLarge, "bodyTooLarge");
async function readLimited(request, limit, tooLarge3 = () => bodyTooLarge(limit)) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge3();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {
      });
      throw tooLarge3();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
__name(readLimited, "readLimited");

// src/http/json.ts
var MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;
async function readJsonObject(request, limit = MAX_JSON_BODY_BYTES) {
  const text = new TextDecoder().decode(await readLimited(request, limit));
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

// src/openai/model.ts
function resolveModel(body, config, fallback) {
  const given = optionalString(body, "model")?.trim();
  const defaults = defaultList(config, fallback);
  if (!given)
    return { model: defaults[0], requested: fallback, request: { candidates: defaults, explicit: false, replacements: defaults } };
  if (isWorkersAiModel(given))
    return { model: given, requested: given, request: { candidates: [given], explicit: true, replacements: defaults } };
  const alias = config.aliases.get(given);
  if (!alias) {
    throw notFound(
      `The model '${given}' does not exist. Use a Workers AI model id (@cf/\u2026) or one of the aliases listed by GET /v1/models.`,
      "model",
      "model_not_found"
    );
  }
  return { model: alias[0], requested: given, request: { candidates: alias, explicit: false, replacements: defaults } };
}
__name(resolveModel, "resolveModel");
function defaultList(config, fallback) {
  if (fallback === config.defaultModel) return config.models.defaultChat;
  if (fallback === config.defaultEmbeddingModel) return config.models.defaultEmbedding;
  return config.aliases.get(fallback) ?? [fallback];
}
__name(defaultList, "defaultList");

// src/openai/tools.ts
var TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
function parseTools(tools2, param = "tools") {
  return (tools2 ?? []).map((value, i) => {
    const tool = asObject(value, `${param}[${i}]`);
    if (tool.type !== "function")
      throw badRequest(`'${param}[${i}].type' must be 'function'; other tool types are not supported.`, `${param}[${i}].type`);
    const fn = asObject(tool.function, `${param}[${i}].function`);
    return functionTool(fn, `${param}[${i}].function`);
  });
}
__name(parseTools, "parseTools");
function parseFlatTools(tools2, param = "tools") {
  return (tools2 ?? []).map((value, i) => {
    const tool = asObject(value, `${param}[${i}]`);
    if (tool.type !== "function")
      throw badRequest(
        `'${param}[${i}].type' must be 'function'; built-in tools such as '${String(tool.type)}' are not available on Workers AI.`,
        `${param}[${i}].type`
      );
    return functionTool(tool, `${param}[${i}]`);
  });
}
__name(parseFlatTools, "parseFlatTools");
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
function parseChatRequest(body, config, streamed = body.stream === true) {
  const { model, requested, request: modelRequest } = resolveModel(body, config, config.defaultModel);
  const raw2 = requiredArray(body, "messages");
  if (raw2.length === 0) throw badRequest("'messages' must contain at least one message.", "messages");
  const messages = raw2.map((m, i) => translateMessage(m, `messages[${i}]`));
  const n2 = optionalNumber(body, "n", { min: 1, max: 128, integer: true });
  if (n2 !== void 0 && n2 > 1)
    throw badRequest(
      "'n' greater than 1 is not supported by this proxy: Workers AI returns one choice per request. Send n separate requests instead.",
      "n",
      "unsupported_parameter"
    );
  const sampling2 = parseSampling(body, void 0, streamed ? config.streamMaxTokens : DEFAULT_MAX_TOKENS);
  const inputs = { messages, ...sampling2.inputs };
  const toolChoice = parseToolChoice(body.tool_choice);
  const tools2 = parseTools(optionalArray(body, "tools"));
  if (tools2.length && toolChoice !== "none") {
    inputs.tools = tools2;
    if (toolChoice !== void 0) inputs.tool_choice = toolChoice;
    const parallel = optionalBoolean(body, "parallel_tool_calls");
    if (parallel !== void 0) inputs.parallel_tool_calls = parallel;
  }
  const format = parseResponseFormat(optionalObject(body, "response_format"), "response_format");
  if (format) inputs.response_format = format;
  const effort = optionalEnum(body, "reasoning_effort", REASONING_EFFORTS);
  if (effort) inputs.reasoning_effort = effort;
  const cacheKey3 = optionalString(body, "prompt_cache_key")?.trim();
  if (cacheKey3) inputs[SESSION_INPUT] = cacheKey3;
  const stream = optionalBoolean(body, "stream") ?? false;
  const streamOptions = optionalObject(body, "stream_options");
  const includeUsage = streamOptions ? optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage") ?? false : false;
  return { model, modelRequest, requestedModel: requested, inputs, stream, includeUsage, sampling: sampling2 };
}
__name(parseChatRequest, "parseChatRequest");
function translateMessage(value, param) {
  const message = asObject(value, param);
  const role = optionalString(message, "role", `${param}.role`);
  if (!role || !ROLES.includes(role)) {
    throw badRequest(`'${param}.role' must be one of ${ROLES.map((r) => `'${r}'`).join(", ")}.`, `${param}.role`);
  }
  const out = {
    role: role === "developer" ? "system" : role,
    content: translateContent(message.content, `${param}.content`)
  };
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
      if (!out.content)
        out.content = calls.map((c) => JSON.stringify({ name: c.function.name, parameters: safeJson(c.function.arguments) })).join("\n");
    }
  }
  if (typeof message.name === "string" && message.name) out.name = message.name;
  return out;
}
__name(translateMessage, "translateMessage");
function translateContent(content2, param) {
  if (content2 === void 0 || content2 === null) return "";
  if (typeof content2 === "string") return content2;
  if (!Array.isArray(content2)) throw badRequest(`'${param}' must be a string or an array of content parts.`, param);
  const parts = content2.map((part, i) => {
    const p = asObject(part, `${param}[${i}]`);
    const type = p.type;
    if (type === "text" || type === "input_text" || type === "output_text") {
      if (typeof p.text !== "string") throw badRequest(`'${param}[${i}].text' must be a string.`, `${param}[${i}].text`);
      return { type: "text", text: p.text };
    }
    if (type === "image_url") {
      const image = asObject(p.image_url, `${param}[${i}].image_url`);
      if (typeof image.url !== "string" || !image.url)
        throw badRequest(`'${param}[${i}].image_url.url' must be a URL or a data: URL.`, `${param}[${i}].image_url.url`);
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
          ...result.toolCalls.length ? {
            tool_calls: result.toolCalls.map((call) => ({
              id: call.id,
              type: "function",
              function: { name: call.name, arguments: call.arguments }
            }))
          } : {}
        },
        logprobs: null,
        finish_reason: result.finishReason
      }
    ],
    usage: result.usage
  };
}
__name(chatCompletion, "chatCompletion");

// src/render/chat-stream.ts
function chatStreamRenderer(o) {
  const head = `data: {"id":${JSON.stringify(o.id)},"object":"chat.completion.chunk","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[{"index":0,"delta":`;
  const tail = `,"logprobs":null,"finish_reason":null}]${o.includeUsage ? ',"usage":null' : ""}}

`;
  const chunk = /* @__PURE__ */ __name((delta) => head + delta + tail, "chunk");
  const tools2 = /* @__PURE__ */ new Map();
  let usage;
  let upstreamFinish;
  const openTool = /* @__PURE__ */ __name((tool) => {
    if (tool.opened || tool.name === void 0) return "";
    tool.opened = true;
    tool.id ??= newToolCallId();
    const header = chunk(
      `{"tool_calls":[{"index":${tool.out},"id":${JSON.stringify(tool.id)},"type":"function","function":{"name":${JSON.stringify(tool.name)},"arguments":""}}]}`
    );
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
          let tool = tools2.get(event.index);
          if (!tool) tools2.set(event.index, tool = { out: tools2.size, id: void 0, name: void 0, opened: false, pending: "" });
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
      for (const tool of tools2.values()) if (!tool.opened) tool.name ??= "", out += openTool(tool);
      const reason = finishReason(tools2.size > 0, upstreamFinish, usage, o.maxTokens);
      out += `${head}{},"logprobs":null,"finish_reason":"${reason}"}]${o.includeUsage ? ',"usage":null' : ""}}

`;
      if (o.includeUsage) {
        const u = usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
        out += `data: {"id":${JSON.stringify(o.id)},"object":"chat.completion.chunk","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[],"usage":${JSON.stringify(u)}}

`;
      }
      return `${out}data: [DONE]

`;
    },
    error(error) {
      return `data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}

`;
    }
  };
}
__name(chatStreamRenderer, "chatStreamRenderer");

// src/routes/chat.ts
var STREAM_PATH_HEADER = "x-stream-path";
async function createChatCompletion(c) {
  const config = readConfig(c.env);
  const request = parseChatRequest(await readJsonObject(c.req.raw), config);
  const waitUntil = /* @__PURE__ */ __name((p) => c.executionCtx.waitUntil(p), "waitUntil");
  const call = textCallOf(c, config, request, "chat");
  const id = `chatcmpl-${randomId(24)}`;
  const created = Math.floor(Date.now() / 1e3);
  if (request.stream) {
    const renderer = chatStreamRenderer({
      id,
      model: request.requestedModel,
      created,
      includeUsage: request.includeUsage,
      maxTokens: request.sampling.maxTokens
    });
    const passThrough = request.inputs.tools ? void 0 : { includeUsage: request.includeUsage };
    const { cache: cache2, body, passedThrough } = await streamTextRendered(c.env, config, waitUntil, call, renderer, { passThrough });
    return new Response(body, {
      headers: { ...SSE_HEADERS, "x-cache": cache2, [STREAM_PATH_HEADER]: passedThrough ? "passthrough" : "rendered" }
    });
  }
  const { cache, result } = await answerText(c.env, config, waitUntil, call);
  return c.json(chatCompletion(id, request.requestedModel, created, result), 200, { "x-cache": cache });
}
__name(createChatCompletion, "createChatCompletion");

// src/openai/completion-request.ts
var LEGACY_DEFAULT_MAX_TOKENS = 16;
function parseCompletionRequest(body, config) {
  const { model, requested, request: modelRequest } = resolveModel(body, config, config.defaultModel);
  const prompt = parsePrompt(body.prompt);
  for (const field of ["n", "best_of"]) {
    const value = optionalNumber(body, field, { min: 1, max: 128, integer: true });
    if (value !== void 0 && value > 1)
      throw badRequest(
        `'${field}' greater than 1 is not supported by this proxy: Workers AI returns one completion per request.`,
        field,
        "unsupported_parameter"
      );
  }
  if (typeof body.suffix === "string" && body.suffix)
    throw badRequest("'suffix' (insertion) is not supported by Workers AI models.", "suffix", "unsupported_parameter");
  const sampling2 = parseSampling(body, ["max_tokens"], LEGACY_DEFAULT_MAX_TOKENS);
  const streamOptions = optionalObject(body, "stream_options");
  return {
    model,
    modelRequest,
    requestedModel: requested,
    prompt,
    inputs: { prompt, ...sampling2.inputs },
    echo: optionalBoolean(body, "echo") ?? false,
    stream: optionalBoolean(body, "stream") ?? false,
    includeUsage: streamOptions ? optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage") ?? false : false,
    sampling: sampling2
  };
}
__name(parseCompletionRequest, "parseCompletionRequest");
function parsePrompt(value) {
  if (value === void 0 || value === null) throw badRequest("'prompt' is required.", "prompt");
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string") return value[0];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    throw badRequest(
      "'prompt' with several prompts is not supported by this proxy; send one request per prompt.",
      "prompt",
      "unsupported_parameter"
    );
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
    choices: [{ text, index: 0, logprobs: null, finish_reason: result.finishReason === "tool_calls" ? "stop" : result.finishReason }],
    usage: result.usage
  };
}
__name(textCompletion, "textCompletion");
function completionStreamRenderer(o) {
  const head = `data: {"id":${JSON.stringify(o.id)},"object":"text_completion","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[{"text":`;
  const chunk = /* @__PURE__ */ __name((text, reason) => `${head}${JSON.stringify(text)},"index":0,"logprobs":null,"finish_reason":${reason ? `"${reason}"` : "null"}}]}

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
      return `${out}data: [DONE]

`;
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
  const call = textCallOf(c, config, request, "completion");
  const id = `cmpl-${randomId(24)}`;
  const created = Math.floor(Date.now() / 1e3);
  const echo = request.echo ? request.prompt : "";
  if (request.stream) {
    const renderer = completionStreamRenderer({
      id,
      model: request.requestedModel,
      created,
      includeUsage: request.includeUsage,
      maxTokens: request.sampling.maxTokens,
      echo
    });
    const { cache: cache2, body } = await streamTextRendered(c.env, config, waitUntil, call, renderer);
    return new Response(body, { headers: { ...SSE_HEADERS, "x-cache": cache2 } });
  }
  const { cache, result } = await answerText(c.env, config, waitUntil, call);
  return c.json(textCompletion(id, request.requestedModel, created, echo + result.text, result), 200, { "x-cache": cache });
}
__name(createCompletion, "createCompletion");

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

// src/routes/embeddings.ts
var BATCH = 100;
var MAX_INPUTS = 2048;
async function createEmbeddings(c) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const resolved = resolveModel(body, config, config.defaultEmbeddingModel);
  const requested = resolved.requested;
  const model = await chooseModel(c.env, config, resolved.request, (p) => c.executionCtx.waitUntil(p));
  const texts = parseInput(body.input);
  const format = optionalEnum(body, "encoding_format", ["float", "base64"]) ?? "float";
  const dimensions = optionalNumber(body, "dimensions", { min: 1, max: 65536, integer: true });
  const slot = await lookup(c.env, config, true, scopedKind(config, principal(c).project, "embeddings"), model, {
    text: texts
  });
  let vectors = slot?.hit?.vectors;
  if (!vectors) {
    vectors = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const { output } = await runModel(c.env, config, model, { text: texts.slice(i, i + BATCH) }, false);
      vectors.push(...vectorsOf(output, model));
    }
    if (vectors.length !== texts.length)
      throw new ApiError(
        502,
        `Workers AI returned ${vectors.length} embeddings for ${texts.length} inputs.`,
        "server_error",
        null,
        "upstream_bad_response"
      );
    store(c.env, config, slot, { vectors }, (p) => c.executionCtx.waitUntil(p));
  }
  const native = vectors[0]?.length ?? 0;
  if (dimensions !== void 0 && dimensions !== native) {
    throw badRequest(
      `'dimensions' ${dimensions} is not available: ${model} makes ${native}-dimensional embeddings and cannot shorten them. Omit 'dimensions' or set it to ${native}.`,
      "dimensions",
      "unsupported_parameter"
    );
  }
  const tokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  meterOf(c)?.report(model, { inputTokens: tokens }, slot?.hit !== void 0);
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
  if (!Array.isArray(texts) || texts.length === 0)
    throw badRequest("'input' must be a non-empty string or a non-empty array of strings.", "input");
  if (texts.length > MAX_INPUTS) throw badRequest(`'input' may hold at most ${MAX_INPUTS} items.`, "input");
  texts.forEach((text, i) => {
    if (typeof text !== "string")
      throw badRequest("'input' must be text: token arrays cannot be sent to Workers AI models.", `input[${i}]`);
    if (text === "") throw badRequest(`'input[${i}]' is empty; every input must contain text.`, `input[${i}]`);
  });
  return texts;
}
__name(parseInput, "parseInput");
function vectorsOf(output, model) {
  const data = output?.data;
  if (!Array.isArray(data) || !data.every(Array.isArray)) {
    throw new ApiError(
      502,
      `${model} did not return embeddings (is it an embedding model?).`,
      "server_error",
      null,
      "upstream_bad_response"
    );
  }
  return data;
}
__name(vectorsOf, "vectorsOf");
function estimateTokens(text) {
  return Math.max(1, Math.ceil(text.length / 4));
}
__name(estimateTokens, "estimateTokens");
function toBase64(vector) {
  return bytesToBase64(new Uint8Array(new Float32Array(vector).buffer));
}
__name(toBase64, "toBase64");

// src/routes/home.ts
var escapeHtml = /* @__PURE__ */ __name((text) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`), "escapeHtml");
async function home(c) {
  const config = readConfig(c.env);
  const base = `${new URL(c.req.url).origin}/v1`;
  const waitUntil = /* @__PURE__ */ __name((p) => c.executionCtx.waitUntil(p), "waitUntil");
  const catalogue = await loadCatalogue(c.env, waitUntil);
  const index = await loadCatalogueIndex(c.env, waitUntil);
  const byTask = /* @__PURE__ */ new Map();
  for (const m of catalogue) {
    const task = m.task || "Other";
    byTask.set(task, [...byTask.get(task) ?? [], m.name]);
  }
  const aliases = [...config.aliases].flatMap(([a, targets]) => {
    const target = firstListed(targets, index, retiredOn);
    return target ? [[a, target]] : [];
  }).sort(([a], [b]) => a.localeCompare(b));
  const defaultModel = firstListed(config.models.defaultChat, index, retiredOn) ?? config.defaultModel;
  const wantsJson = c.req.query("format") === "json" || (c.req.header("accept") ?? "").startsWith("application/json");
  if (wantsJson) {
    return c.json({
      object: "endpoint",
      description: "OpenAI-compatible API on Cloudflare Workers AI",
      base_url: base,
      auth: "Authorization: Bearer <key>",
      default_model: defaultModel,
      models: Object.fromEntries(byTask),
      aliases: Object.fromEntries(aliases)
    });
  }
  const section = /* @__PURE__ */ __name((title, items2) => `<h3>${escapeHtml(title)}</h3><ul>${items2.map((i) => `<li><code>${escapeHtml(i)}</code></li>`).join("")}</ul>`, "section");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenAI-compatible API on Workers AI</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}code,pre{background:#f4f4f4;border-radius:4px;padding:.1rem .3rem}pre{padding:.8rem;overflow:auto}</style>
</head><body>
<h1>OpenAI-compatible API on Workers AI</h1>
<p>This endpoint speaks OpenAI's API (chat completions, completions, embeddings, models, images, audio, assistants, responses) and answers with Cloudflare Workers AI models. It needs an API key from whoever runs it.</p>
<h2>Use it</h2>
<p>Base URL: <code>${escapeHtml(base)}</code>. Send the key as <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<pre>curl ${escapeHtml(base)}/chat/completions \\
  -H "Authorization: Bearer $API_KEY" -H "Content-Type: application/json" \\
  -d '{"model": "${escapeHtml(defaultModel)}", "messages": [{"role": "user", "content": "Hello"}]}'</pre>
<pre>import OpenAI from "openai";
const client = new OpenAI({ baseURL: "${escapeHtml(base)}", apiKey: process.env.API_KEY });</pre>
<p>In tools such as Open WebUI, n8n or LangChain, set the OpenAI base URL to <code>${escapeHtml(base)}</code> and the API key to your key.</p>
<h2>Models</h2>
<p>Default: <code>${escapeHtml(defaultModel)}</code>. OpenAI names work too:</p>
<ul>${aliases.map(([a, t]) => `<li><code>${escapeHtml(a)}</code> \u2192 <code>${escapeHtml(t)}</code></li>`).join("")}</ul>
${[...byTask].map(([task, names]) => section(task, names.sort())).join("\n")}
<h2>Long streamed answers</h2>
<p>On Cloudflare's Workers Free plan a request may use 10 ms of CPU, and a streamed answer that passes it is cut off mid-answer. A stream costs CPU every time a batch of tokens is written, so its cost grows with its length, more and more slowly (writes spread out as a stream goes on). By this project's own measurement (the isolate's CPU on its development machine, 50 tokens a second) a 1,000-token stream costs 4.4\u20134.5 ms as chat passed through, 6\u20138 ms as a Responses or Assistants stream, and 3.4\u20135.8 ms rendered with a stop sequence or tools; 2,048 tokens cost 4.3\u20136.1 ms as chat passed through and 7\u201311 ms as a Responses stream. So a streamed answer whose request sets no limit stops at <strong>${config.streamMaxTokens} tokens</strong> (<code>STREAM_MAX_TOKENS</code>; ${DEFAULT_MAX_TOKENS} when not streamed), ending as a model's own limit does. For long answers, send <code>"stream": false</code> (its CPU does not grow with the answer), or deploy on Workers Paid and raise <code>STREAM_MAX_TOKENS</code>.</p>
<p>Machine-readable: <a href="?format=json">?format=json</a>, or <code>GET /v1/models</code> with a key.</p>
</body></html>`;
  return c.html(html);
}
__name(home, "home");

// src/routes/images.ts
var DEFAULT_IMAGE_MODEL = "dall-e-3";
async function createImage(c) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const prompt = requiredString(body, "prompt");
  const model = await chooseModel(
    c.env,
    config,
    resolveModel(body, config, DEFAULT_IMAGE_MODEL).request,
    (p) => c.executionCtx.waitUntil(p)
  );
  const n2 = optionalNumber(body, "n", { min: 1, max: 4, integer: true }) ?? 1;
  const format = optionalEnum(body, "response_format", ["url", "b64_json"]) ?? "url";
  const size = parseSize(optionalString(body, "size"));
  const data = [];
  for (let i = 0; i < n2; i++) {
    const { output } = await runModel(c.env, config, model, imageInputs(model, prompt, size), false);
    const bytes = await bytesOf(output, "image", model);
    const b64 = bytesToBase64(bytes);
    data.push(
      format === "b64_json" ? { b64_json: b64, revised_prompt: prompt } : { url: `data:${imageType(bytes)};base64,${b64}`, revised_prompt: prompt }
    );
  }
  meterOf(c)?.report(model, { images: n2 });
  return c.json({ created: Math.floor(Date.now() / 1e3), data });
}
__name(createImage, "createImage");
function parseSize(size) {
  if (size === void 0 || size === "auto") return void 0;
  const match2 = /^(\d{2,4})x(\d{2,4})$/.exec(size);
  if (!match2) throw badRequest("'size' must be WIDTHxHEIGHT, e.g. '1024x1024', or 'auto'.", "size");
  const [width, height] = [Number(match2[1]), Number(match2[2])];
  if (width < 256 || height < 256 || width > 2048 || height > 2048)
    throw badRequest("'size' must be between 256x256 and 2048x2048.", "size");
  return { width, height };
}
__name(parseSize, "parseSize");

// src/routes/audio.ts
var MAX_AUDIO_BYTES = 25 * 1024 * 1024;
var MULTIPART_OVERHEAD_BYTES = 64 * 1024;
var MAX_ARRAY_AUDIO_BYTES = 2 * 1024 * 1024;
async function createTranscription(c) {
  const config = readConfig(c.env);
  const contentType = c.req.header("content-type") ?? "";
  if (!contentType.includes("multipart/form-data")) throw badRequest("Send the audio as multipart/form-data with a 'file' field.", "file");
  const bytes = await readLimited(c.req.raw, MAX_AUDIO_BYTES + MULTIPART_OVERHEAD_BYTES, tooLarge);
  let form;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw badRequest("The multipart body could not be read.", "file");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw badRequest("'file' is required: the audio file to transcribe.", "file");
  if (file.size > MAX_AUDIO_BYTES) throw tooLarge();
  const field = /* @__PURE__ */ __name((name) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : void 0;
  }, "field");
  const model = await chooseModel(
    c.env,
    config,
    resolveModel({ model: field("model") }, config, "whisper-1").request,
    (p) => c.executionCtx.waitUntil(p)
  );
  const format = optionalEnum({ response_format: field("response_format") }, "response_format", [
    "json",
    "text",
    "srt",
    "verbose_json",
    "vtt"
  ]) ?? "json";
  if (!/whisper-large-v3-turbo/.test(model) && file.size > MAX_ARRAY_AUDIO_BYTES) {
    throw new ApiError(
      413,
      `${model} takes at most ${MAX_ARRAY_AUDIO_BYTES / (1024 * 1024)} MiB of audio (it is sent as an array of numbers); use @cf/openai/whisper-large-v3-turbo for files up to ${MAX_AUDIO_BYTES / (1024 * 1024)} MiB.`,
      "invalid_request_error",
      "file",
      "request_too_large"
    );
  }
  const audio = new Uint8Array(await file.arrayBuffer());
  const { output } = await runModel(c.env, config, model, transcriptionInputs(model, audio, field("language"), field("prompt")), false);
  const result = output;
  const text = (result.text ?? "").trim();
  const words = result.words ?? (result.segments ?? []).flatMap((segment) => segment.words ?? []);
  meterOf(c)?.report(model, { audioSeconds: result.transcription_info?.duration ?? lastEnd(words) });
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
  const model = await chooseModel(c.env, config, resolveModel(body, config, "tts-1").request, (p) => c.executionCtx.waitUntil(p));
  const format = optionalEnum(body, "response_format", ["mp3", "opus", "aac", "flac", "wav", "pcm"]) ?? "mp3";
  if (format !== "mp3")
    throw badRequest(
      `'response_format' ${format} is not available: Workers AI speech models produce mp3.`,
      "response_format",
      "unsupported_parameter"
    );
  optionalNumber(body, "speed", { min: 0.25, max: 4 });
  const voice = typeof body.voice === "string" ? body.voice : void 0;
  const { output } = await runModel(c.env, config, model, speechInputs(model, input, voice), false);
  const bytes = await bytesOf(output, "audio", model);
  meterOf(c)?.report(model, { characters: input.length });
  return new Response(bytes, { headers: { "content-type": "audio/mpeg" } });
}
__name(createSpeech, "createSpeech");
function tooLarge() {
  return new ApiError(
    413,
    `The audio file is larger than ${MAX_AUDIO_BYTES / (1024 * 1024)} MiB.`,
    "invalid_request_error",
    "file",
    "request_too_large"
  );
}
__name(tooLarge, "tooLarge");
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

// src/ai/model-list.ts
var ownerOf = /* @__PURE__ */ __name((model) => model.split("/")[1] ?? "cloudflare", "ownerOf");
function describe2(id, m, owner) {
  return {
    id,
    object: "model",
    created: m.created,
    owned_by: owner,
    ...m.contextWindow ? { context_window: m.contextWindow, context_length: m.contextWindow } : {},
    capabilities: { tools: m.functionCalling, function_calling: m.functionCalling, vision: m.vision, reasoning: m.reasoning },
    ...m.task ? { task: m.task } : {},
    ...m.paidOnly ? { requires_workers_paid: true } : {},
    ...m.plannedDeprecation ? { planned_deprecation_date: m.plannedDeprecation } : {}
  };
}
__name(describe2, "describe");
function toOpenAiModels(models, index, config, retiredOn2) {
  const list = models.filter((m) => retiredOn2(m.name) === void 0).map((m) => describe2(m.name, m, ownerOf(m.name)));
  const known = new Set(list.map((m) => m.id));
  for (const [alias, candidates] of config.aliases) {
    if (known.has(alias)) continue;
    const target = firstListed(candidates, index, retiredOn2);
    if (!target) continue;
    list.push({ ...describe2(alias, index.get(target), ownerOf(target)), resolves_to: target, candidates });
  }
  return list;
}
__name(toOpenAiModels, "toOpenAiModels");

// src/routes/models.ts
async function allModels(c) {
  const waitUntil = /* @__PURE__ */ __name((p) => c.executionCtx.waitUntil(p), "waitUntil");
  const [models, index] = [await loadCatalogue(c.env, waitUntil), await loadCatalogueIndex(c.env, waitUntil)];
  return toOpenAiModels(models, index, readConfig(c.env), retiredOn);
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
  const retired = retiredOn(id);
  if (!model && retired !== void 0) {
    const index = await loadCatalogueIndex(c.env, (p) => c.executionCtx.waitUntil(p));
    throw modelRetired(id, retired, firstListed(readConfig(c.env).models.defaultChat, index, retiredOn));
  }
  if (!model) throw notFound(`The model '${id}' does not exist.`, "model", "model_not_found");
  return c.json(model);
}
__name(retrieveModel, "retrieveModel");

// src/openai/metadata.ts
var METADATA_LIMITS = { pairs: 16, keyLength: 64, valueLength: 512 };
function parseMetadata(body, field = "metadata", param = field) {
  if (body[field] === null) return {};
  const metadata = optionalObject(body, field, param);
  if (metadata === void 0) return void 0;
  const entries = Object.entries(metadata);
  if (entries.length > METADATA_LIMITS.pairs)
    throw badRequest(`'${param}' may have at most ${METADATA_LIMITS.pairs} pairs, got ${entries.length}.`, param);
  for (const [key, value] of entries) {
    if (key.length > METADATA_LIMITS.keyLength)
      throw badRequest(
        `'${param}' keys may be at most ${METADATA_LIMITS.keyLength} characters; '${key.slice(0, 20)}\u2026' has ${key.length}.`,
        param
      );
    if (typeof value !== "string") throw badRequest(`'${param}.${key}' must be a string.`, `${param}.${key}`);
    if (value.length > METADATA_LIMITS.valueLength)
      throw badRequest(
        `'${param}.${key}' may be at most ${METADATA_LIMITS.valueLength} characters, got ${value.length}.`,
        `${param}.${key}`
      );
  }
  return metadata;
}
__name(parseMetadata, "parseMetadata");

// src/state/backend.ts
var objectName = {
  assistants: "assistants",
  thread: /* @__PURE__ */ __name((key) => `thread:${key}`, "thread"),
  responses: /* @__PURE__ */ __name((key) => `resp:${key}`, "responses")
};

// src/state/ids.ts
var OBJECT_KEY_LENGTH = 24;
var RANDOM_PART = 17;
var ORDER_PART = 9;
var ORDERED_KEY_LENGTH = ORDER_PART + RANDOM_PART;
function encodeOrder(value) {
  let out = "";
  for (let i = 0; i < ORDER_PART; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}
__name(encodeOrder, "encodeOrder");
function decodeOrder(key) {
  let value = 0;
  for (const char of key.slice(0, ORDER_PART)) value = value * 62 + ALPHABET.indexOf(char);
  return value;
}
__name(decodeOrder, "decodeOrder");
function orderedKey(nowMs, previous) {
  let order2 = Math.floor(nowMs) * 1e3;
  if (previous && previous.length === ORDERED_KEY_LENGTH) order2 = Math.max(order2, decodeOrder(previous) + 1);
  order2 = Math.max(order2, lastOrder + 1);
  lastOrder = order2;
  return encodeOrder(order2) + randomChars(RANDOM_PART);
}
__name(orderedKey, "orderedKey");
var lastOrder = 0;
var PREFIX = {
  assistant: "asst_",
  thread: "thread_",
  message: "msg_",
  run: "run_",
  step: "step_",
  response: "resp_",
  conversation: "conv_",
  functionCall: "fc_",
  functionCallOutput: "fco_",
  toolCall: "call_"
};
var KEY_CHARS = /^[0-9A-Za-z]+$/;
function keyOf(id, prefix, length = ORDERED_KEY_LENGTH) {
  if (!id.startsWith(prefix)) return void 0;
  const key = id.slice(prefix.length);
  return key.length === length && KEY_CHARS.test(key) ? key : void 0;
}
__name(keyOf, "keyOf");
function requireKey(id, prefix, what, length = ORDERED_KEY_LENGTH) {
  const key = keyOf(id, prefix, length);
  if (key === void 0) throw notFound(`No ${what} found with id '${id}'.`);
  return key;
}
__name(requireKey, "requireKey");
function responseId(objectKey) {
  return PREFIX.response + objectKey + randomChars(RANDOM_PART);
}
__name(responseId, "responseId");
function responseObjectKey(id) {
  return requireKey(id, PREFIX.response, "response", OBJECT_KEY_LENGTH + RANDOM_PART).slice(0, OBJECT_KEY_LENGTH);
}
__name(responseObjectKey, "responseObjectKey");
var cursorKey = /* @__PURE__ */ __name((id) => id === void 0 ? void 0 : id.slice(id.indexOf("_") + 1), "cursorKey");

// src/state/paging.ts
function parsePageQuery(url, defaultOrder = "desc") {
  const params = url.searchParams;
  const rawLimit = params.get("limit");
  const limit = rawLimit === null || rawLimit === "" ? 20 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw badRequest(`'limit' must be an integer from 1 to 100, got '${rawLimit}'.`, "limit");
  const order2 = params.get("order") || defaultOrder;
  if (order2 !== "asc" && order2 !== "desc") throw badRequest(`'order' must be 'asc' or 'desc', got '${order2}'.`, "order");
  return { limit, order: order2, after: params.get("after") || void 0, before: params.get("before") || void 0 };
}
__name(parsePageQuery, "parsePageQuery");
function scanFor(query, tag) {
  const after = cursorKey(query.after);
  const before = cursorKey(query.before);
  const asc = query.order === "asc";
  const fromCursorBackwards = before !== void 0 && after === void 0;
  const scan = {
    above: asc ? after : before,
    below: asc ? before : after,
    descending: asc === fromCursorBackwards,
    limit: query.limit + 1,
    tag
  };
  return { scan, reverse: fromCursorBackwards };
}
__name(scanFor, "scanFor");
function toPage(rows, query, reverse) {
  const has_more = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  if (reverse) data.reverse();
  return { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more };
}
__name(toPage, "toPage");

// src/state/project.ts
function projectObject(project, object) {
  return project === DEFAULT_PROJECT ? object : `project/${project}/${object}`;
}
__name(projectObject, "projectObject");
var ProjectBackend = class {
  constructor(inner, project) {
    this.inner = inner;
    this.project = project;
    this.name = inner.name;
  }
  static {
    __name(this, "ProjectBackend");
  }
  name;
  invoke(object, op, args, options) {
    return this.inner.invoke(projectObject(this.project, object), op, args, options);
  }
  start(object, op, args, options) {
    return this.inner.start(projectObject(this.project, object), op, args, options);
  }
};

// src/state/op.ts
function createContext(replay) {
  const now2 = replay?.now ?? Date.now();
  const tape = { now: now2, values: [] };
  let position = 0;
  const next = /* @__PURE__ */ __name((make) => {
    const value = replay && position < replay.values.length ? replay.values[position] : make();
    position++;
    tape.values.push(value);
    return value;
  }, "next");
  return {
    now: now2,
    seconds: Math.floor(now2 / 1e3),
    key: /* @__PURE__ */ __name((tables, table) => next(() => orderedKey(now2, tables.table(table).lastKey())), "key"),
    random: /* @__PURE__ */ __name((length) => next(() => randomChars(length)), "random"),
    tape
  };
}
__name(createContext, "createContext");
function capture(run) {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, error: { status: error.status, message: error.message, type: error.type, param: error.param, code: error.code } };
  }
}
__name(capture, "capture");
function unwrap(outcome) {
  if (outcome.ok) return outcome.value;
  const e = outcome.error;
  throw new ApiError(e.status, e.message, e.type, e.param, e.code);
}
__name(unwrap, "unwrap");

// src/state/do-backend.ts
var DurableObjectBackend = class {
  constructor(namespace) {
    this.namespace = namespace;
  }
  static {
    __name(this, "DurableObjectBackend");
  }
  name = "durable-object";
  stub(object) {
    return this.namespace.get(this.namespace.idFromName(object));
  }
  async invoke(object, op, args, options = {}) {
    const answer = await this.stub(object).invoke(op, args, options.waitMs ?? 0);
    return unwrap(answer.outcome);
  }
  async start(object, op, args, options = {}) {
    const { answer, session } = await this.stub(object).start(op, args, options.abandon);
    const value = unwrap(answer.outcome);
    const remote = session;
    return {
      value,
      session: {
        finish: /* @__PURE__ */ __name(async (finishOp, finishArgs) => unwrap((await remote.finish(finishOp, finishArgs)).outcome), "finish"),
        close: /* @__PURE__ */ __name(() => remote[Symbol.dispose](), "close")
      }
    };
  }
};

// src/state/tables.ts
function scanSorted(entries, scan) {
  const out = [];
  const n2 = entries.length;
  for (let i = 0; i < n2 && out.length < scan.limit; i++) {
    const [key, value, tag] = entries[scan.descending ? n2 - 1 - i : i];
    if (scan.above !== void 0 && key <= scan.above) continue;
    if (scan.below !== void 0 && key >= scan.below) continue;
    if (scan.tag !== void 0 && tag !== scan.tag) continue;
    out.push(value);
  }
  return out;
}
__name(scanSorted, "scanSorted");

// src/state/document-tables.ts
var DocumentTables = class {
  constructor(doc) {
    this.doc = doc;
  }
  static {
    __name(this, "DocumentTables");
  }
  dirty = false;
  table(name) {
    const rows = /* @__PURE__ */ __name(() => this.doc.tables[name] ??= {}, "rows");
    return {
      // Own properties only: a key can never reach Object.prototype ("__proto__", "constructor").
      get: /* @__PURE__ */ __name((key) => {
        const held = this.doc.tables[name];
        const row = held && Object.hasOwn(held, key) ? held[key] : void 0;
        return row ? structuredClone(row.value) : void 0;
      }, "get"),
      put: /* @__PURE__ */ __name((key, value, tag = null) => {
        const row = { tag, value: structuredClone(value) };
        if (key === "__proto__") Object.defineProperty(rows(), key, { value: row, enumerable: true, configurable: true, writable: true });
        else rows()[key] = row;
        this.dirty = true;
      }, "put"),
      delete: /* @__PURE__ */ __name((key) => {
        const held = this.doc.tables[name];
        if (!held || !Object.hasOwn(held, key)) return false;
        delete held[key];
        this.dirty = true;
        return true;
      }, "delete"),
      scan: /* @__PURE__ */ __name((scan) => {
        const sorted = Object.keys(this.doc.tables[name] ?? {}).sort();
        const entries = sorted.map((key) => {
          const row = rows()[key];
          return [key, row.value, row.tag];
        });
        return scanSorted(entries, scan).map((value) => structuredClone(value));
      }, "scan"),
      lastKey: /* @__PURE__ */ __name(() => Object.keys(this.doc.tables[name] ?? {}).sort().at(-1), "lastKey")
    };
  }
  clear() {
    this.doc.tables = {};
    this.dirty = true;
  }
};

// src/state/signal.ts
var Signal = class {
  static {
    __name(this, "Signal");
  }
  waiting = /* @__PURE__ */ new Set();
  get idle() {
    return this.waiting.size === 0;
  }
  notify() {
    for (const wake of [...this.waiting]) wake();
  }
  /** Resolves at the next notify, or after `ms`. */
  wait(ms) {
    return new Promise((resolve) => {
      const wake = /* @__PURE__ */ __name(() => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      }, "wake");
      const timer = setTimeout(wake, ms);
      this.waiting.add(wake);
    });
  }
};
async function settle2(attempt2, pending, waitMs, changed, working) {
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    const result = await attempt2();
    const left = deadline - Date.now();
    if (!pending(result) || left <= 0 || !working()) return result;
    await changed(left);
  }
}
__name(settle2, "settle");

// src/state/kv-documents.ts
var KEY_PREFIX = "state:";
var REMEMBERED = 512;
var WRITE_ATTEMPTS = 4;
var MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
var RATE_LIMIT_PAUSE_MS = 1100;
var emptyDocument = /* @__PURE__ */ __name(() => ({ version: 0, tables: {} }), "emptyDocument");
var KvDocuments = class {
  constructor(kv) {
    this.kv = kv;
  }
  static {
    __name(this, "KvDocuments");
  }
  latest = /* @__PURE__ */ new Map();
  queues = /* @__PURE__ */ new Map();
  signals = /* @__PURE__ */ new Map();
  working = /* @__PURE__ */ new Map();
  /** Resolves when this isolate next writes the object, or after `ms`. */
  async changed(object, ms) {
    let signal = this.signals.get(object);
    if (!signal) this.signals.set(object, signal = new Signal());
    await signal.wait(ms);
    if (signal.idle) this.signals.delete(object);
  }
  /** Runs and responses of this object being worked on in this isolate. */
  isWorking = /* @__PURE__ */ __name((object) => this.working.has(object), "isWorking");
  setWorking(object, delta) {
    const count = (this.working.get(object) ?? 0) + delta;
    if (count > 0) this.working.set(object, count);
    else this.working.delete(object);
  }
  /**
   * Runs `fn` on the object's current document after the operations queued before it, and answers once what it
   * changed is written. `fresh`: the object is new, so nothing is read first.
   */
  run(object, fn, fresh = false) {
    return new Promise((resolve, reject) => {
      const job = { fresh, fn, resolve, reject };
      const queue = this.queues.get(object);
      if (queue) return void queue.push(job);
      this.queues.set(object, [job]);
      void this.drain(object);
    });
  }
  async drain(object) {
    const queue = this.queues.get(object);
    while (queue.length) {
      const jobs = queue.splice(0);
      try {
        const source = jobs.every((job) => job.fresh) ? this.latest.get(object) ?? emptyDocument() : await this.read(object);
        const doc = structuredClone(source);
        const tables = new DocumentTables(doc);
        const results = jobs.map((job) => attempt(job, tables, jobs.length > 1));
        if (tables.dirty) {
          doc.version = source.version + 1;
          await this.write(object, doc);
          this.remember(object, doc);
          this.signals.get(object)?.notify();
        }
        jobs.forEach((job, i) => {
          const result = results[i];
          if ("outcome" in result) job.resolve(result.outcome);
          else job.reject(result.error);
        });
      } catch (error) {
        for (const job of jobs) job.reject(error);
      }
    }
    this.queues.delete(object);
  }
  async read(object) {
    let stored;
    try {
      stored = await this.kv.get(KEY_PREFIX + object, "json");
    } catch (error) {
      throw new ApiError(
        503,
        `The KV state store could not be read: ${error.message}`,
        "server_error",
        null,
        "state_unavailable"
      );
    }
    const mine = this.latest.get(object);
    if (mine && (!stored || mine.version >= stored.version)) return mine;
    return stored ?? { version: 0, tables: {} };
  }
  async write(object, doc) {
    const empty = Object.values(doc.tables).every((rows) => Object.keys(rows).length === 0);
    const text = empty ? "" : JSON.stringify(doc);
    if (text.length > MAX_DOCUMENT_BYTES / 3 && new TextEncoder().encode(text).length > MAX_DOCUMENT_BYTES) {
      const what = object.endsWith("assistants") ? "This project's assistants have" : "This thread or conversation has";
      throw new ApiError(
        413,
        `${what} grown too large for one KV value (25 MiB); delete some, or use the Durable Object backend.`,
        "invalid_request_error",
        null,
        "state_too_large"
      );
    }
    for (let attempt2 = 1; ; attempt2++) {
      try {
        if (empty) await this.kv.delete(KEY_PREFIX + object);
        else await this.kv.put(KEY_PREFIX + object, text);
        return;
      } catch (error) {
        const message = error.message ?? String(error);
        if (attempt2 < WRITE_ATTEMPTS && /429|too many requests|rate limit/i.test(message)) {
          await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_PAUSE_MS * attempt2));
          continue;
        }
        throw new ApiError(503, `The KV state store refused the write: ${message}`, "server_error", null, "state_unavailable");
      }
    }
  }
  remember(object, doc) {
    this.latest.delete(object);
    this.latest.set(object, doc);
    if (this.latest.size > REMEMBERED) this.latest.delete(this.latest.keys().next().value);
  }
};
function attempt(job, tables, batched) {
  const before = batched ? structuredClone(tables.doc.tables) : void 0;
  const wasDirty = tables.dirty;
  const undo = /* @__PURE__ */ __name(() => {
    if (before) tables.doc.tables = before;
    tables.dirty = before ? wasDirty : false;
  }, "undo");
  try {
    const outcome = capture(() => job.fn(tables));
    if (!outcome.ok) undo();
    return { outcome };
  } catch (error) {
    undo();
    return { error };
  }
}
__name(attempt, "attempt");

// src/assistants/assistant-ops.ts
function requireAssistant(tables, args) {
  const assistant = tables.table("assistants").get(args.key);
  if (!assistant) throw notFound(`No assistant found with id '${args.assistantId}'.`);
  return assistant;
}
__name(requireAssistant, "requireAssistant");
var assistantOps = {
  "assistants.create": /* @__PURE__ */ __name(((tables, args, ctx) => {
    const key = ctx.key(tables, "assistants");
    const assistant = { id: PREFIX.assistant + key, object: "assistant", created_at: ctx.seconds, ...args.fields };
    tables.table("assistants").put(key, assistant);
    return assistant;
  }), "assistants.create"),
  "assistants.get": /* @__PURE__ */ __name(((tables, args) => requireAssistant(tables, args)), "assistants.get"),
  "assistants.update": /* @__PURE__ */ __name(((tables, args) => {
    const assistant = { ...requireAssistant(tables, args), ...args.fields };
    tables.table("assistants").put(args.key, assistant);
    return assistant;
  }), "assistants.update"),
  "assistants.delete": /* @__PURE__ */ __name(((tables, args) => {
    requireAssistant(tables, args);
    tables.table("assistants").delete(args.key);
    return { id: args.assistantId, object: "assistant.deleted", deleted: true };
  }), "assistants.delete"),
  "assistants.list": /* @__PURE__ */ __name(((tables, args) => {
    const { scan, reverse } = scanFor(args.query);
    return toPage(tables.table("assistants").scan(scan), args.query, reverse);
  }), "assistants.list")
};

// src/assistants/objects.ts
var isActive = /* @__PURE__ */ __name((status) => status === "queued" || status === "in_progress" || status === "cancelling" || status === "requires_action", "isActive");
var isTransient = /* @__PURE__ */ __name((status) => status === "queued" || status === "in_progress" || status === "cancelling", "isTransient");
function textContent(value) {
  return { type: "text", text: { value, annotations: [] } };
}
__name(textContent, "textContent");
function newStep(run, id, seconds, details) {
  return {
    id,
    object: "thread.run.step",
    created_at: seconds,
    assistant_id: run.assistant_id,
    thread_id: run.thread_id,
    run_id: run.id,
    type: details.type,
    status: "in_progress",
    step_details: details,
    last_error: null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    metadata: {},
    usage: null
  };
}
__name(newStep, "newStep");
function assistantMessage(run, id, seconds) {
  return {
    id,
    object: "thread.message",
    created_at: seconds,
    thread_id: run.thread_id,
    status: "in_progress",
    incomplete_details: null,
    completed_at: null,
    incomplete_at: null,
    role: "assistant",
    content: [],
    assistant_id: run.assistant_id,
    run_id: run.id,
    attachments: [],
    metadata: {}
  };
}
__name(assistantMessage, "assistantMessage");

// src/assistants/thread-ops.ts
var THREAD_KEY = "t";
function requireThread(tables, threadId) {
  const thread = tables.table("thread").get(THREAD_KEY);
  if (!thread) throw notFound(`No thread found with id '${threadId}'.`);
  return thread;
}
__name(requireThread, "requireThread");
function latestRun(tables) {
  return tables.table("runs").scan({ descending: true, limit: 1 })[0];
}
__name(latestRun, "latestRun");
function assertNoActiveRun(tables, threadId, now2, doing) {
  const run = latestRun(tables)?.run;
  if (run && isActive(run.status) && (run.expires_at === null || now2 / 1e3 < run.expires_at)) {
    throw badRequest(`Can't ${doing} ${threadId} while a run ${run.id} is active.`);
  }
}
__name(assertNoActiveRun, "assertNoActiveRun");
function insertMessage(tables, ctx, threadId, input) {
  const key = ctx.key(tables, "messages");
  const message = {
    id: PREFIX.message + key,
    object: "thread.message",
    created_at: ctx.seconds,
    thread_id: threadId,
    status: "completed",
    incomplete_details: null,
    completed_at: ctx.seconds,
    incomplete_at: null,
    role: input.role,
    content: input.content,
    assistant_id: null,
    run_id: null,
    attachments: input.attachments,
    metadata: input.metadata
  };
  tables.table("messages").put(key, message, null);
  return message;
}
__name(insertMessage, "insertMessage");
function createThread(tables, args, ctx) {
  if (tables.table("thread").get(THREAD_KEY)) throw badRequest(`Thread ${args.threadId} already exists.`);
  const thread = {
    id: args.threadId,
    object: "thread",
    created_at: ctx.seconds,
    tool_resources: args.tool_resources,
    metadata: args.metadata
  };
  tables.table("thread").put(THREAD_KEY, thread);
  for (const message of args.messages) insertMessage(tables, ctx, args.threadId, message);
  return thread;
}
__name(createThread, "createThread");
function requireMessage(tables, args) {
  requireThread(tables, args.threadId);
  const message = tables.table("messages").get(args.key);
  if (!message) throw notFound(`No message found with id '${args.messageId}'.`);
  return message;
}
__name(requireMessage, "requireMessage");
var threadOps = {
  "threads.create": createThread,
  "threads.get": /* @__PURE__ */ __name(((tables, args) => requireThread(tables, args.threadId)), "threads.get"),
  "threads.update": /* @__PURE__ */ __name(((tables, args) => {
    const thread = requireThread(tables, args.threadId);
    if (args.metadata !== void 0) thread.metadata = args.metadata;
    if (args.tool_resources !== void 0) thread.tool_resources = args.tool_resources;
    tables.table("thread").put(THREAD_KEY, thread);
    return thread;
  }), "threads.update"),
  "threads.delete": /* @__PURE__ */ __name(((tables, args) => {
    requireThread(tables, args.threadId);
    tables.clear();
    return { id: args.threadId, object: "thread.deleted", deleted: true };
  }), "threads.delete"),
  "messages.create": /* @__PURE__ */ __name(((tables, args, ctx) => {
    requireThread(tables, args.threadId);
    assertNoActiveRun(tables, args.threadId, ctx.now, "add messages to");
    return insertMessage(tables, ctx, args.threadId, args.message);
  }), "messages.create"),
  "messages.get": /* @__PURE__ */ __name(((tables, args) => requireMessage(tables, args)), "messages.get"),
  "messages.update": /* @__PURE__ */ __name(((tables, args) => {
    const message = requireMessage(tables, args);
    message.metadata = args.metadata;
    tables.table("messages").put(args.key, message, message.run_id);
    return message;
  }), "messages.update"),
  "messages.delete": /* @__PURE__ */ __name(((tables, args) => {
    requireMessage(tables, args);
    tables.table("messages").delete(args.key);
    return { id: args.messageId, object: "thread.message.deleted", deleted: true };
  }), "messages.delete"),
  "messages.list": /* @__PURE__ */ __name(((tables, args) => {
    requireThread(tables, args.threadId);
    const { scan, reverse } = scanFor(args.query, args.runId);
    if (args.runId !== void 0) {
      const runKey = keyOf(args.runId, PREFIX.run);
      if (runKey === void 0) return toPage([], args.query, false);
      if (scan.above === void 0 || scan.above < runKey) scan.above = runKey;
    }
    return toPage(tables.table("messages").scan(scan), args.query, reverse);
  }), "messages.list")
};

// src/assistants/run-ops.ts
var RUN_EXPIRY_SECONDS = 600;
var AUTO_TRUNCATION_MESSAGES = 256;
var RUN_CONTEXT_CHARACTERS = 4e5;
var messageCharacters = /* @__PURE__ */ __name((message) => message.content.reduce((n2, part) => n2 + (part.type === "text" ? part.text.value.length : part.image_url.url.length), 0), "messageCharacters");
function newestWithin(messages, budget) {
  let characters = 0;
  for (let i = 0; i < messages.length; i++) {
    characters += messageCharacters(messages[i]);
    if (characters > budget && i > 0) return messages.slice(0, i);
  }
  return messages;
}
__name(newestWithin, "newestWithin");
function effective(run, now2) {
  if (isActive(run.status) && run.expires_at !== null && now2 / 1e3 >= run.expires_at)
    return { ...run, status: "expired", required_action: null };
  return run;
}
__name(effective, "effective");
function requireRun(tables, args) {
  requireThread(tables, args.threadId);
  const row = tables.table("runs").get(args.key);
  if (!row) throw notFound(`No run found with id '${args.runId}'.`);
  return row;
}
__name(requireRun, "requireRun");
function saveRun(tables, key, row) {
  tables.table("runs").put(key, row);
}
__name(saveRun, "saveRun");
function started(tables, row) {
  const strategy = row.run.truncation_strategy;
  const limit = strategy.type === "last_messages" && strategy.last_messages ? strategy.last_messages : AUTO_TRUNCATION_MESSAGES;
  const messages = newestWithin(
    tables.table("messages").scan({ below: row.replyKey, descending: true, limit }),
    RUN_CONTEXT_CHARACTERS
  ).reverse();
  const toolRounds = row.steps.flatMap((step) => step.step_details.type === "tool_calls" ? [step.step_details.tool_calls] : []);
  return { run: row.run, messages, toolRounds, replyMessageId: PREFIX.message + row.replyKey, steps: row.steps };
}
__name(started, "started");
var addUsage = /* @__PURE__ */ __name((a, b) => ({
  prompt_tokens: (a?.prompt_tokens ?? 0) + b.prompt_tokens,
  completion_tokens: (a?.completion_tokens ?? 0) + b.completion_tokens,
  total_tokens: (a?.total_tokens ?? 0) + b.total_tokens
}), "addUsage");
function start(tables, args, ctx) {
  if (args.newThread) createThread(tables, args.newThread, ctx);
  requireThread(tables, args.threadId);
  assertNoActiveRun(tables, args.threadId, ctx.now, "create a run on");
  for (const message of args.additionalMessages) insertMessage(tables, ctx, args.threadId, message);
  const key = ctx.key(tables, "runs");
  const run = {
    id: PREFIX.run + key,
    object: "thread.run",
    created_at: ctx.seconds,
    thread_id: args.threadId,
    status: "in_progress",
    required_action: null,
    last_error: null,
    expires_at: ctx.seconds + RUN_EXPIRY_SECONDS,
    started_at: ctx.seconds,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    incomplete_details: null,
    usage: null,
    ...args.template
  };
  const row = { run, steps: [], replyKey: ctx.key(tables, "messages") };
  saveRun(tables, key, row);
  return started(tables, row);
}
__name(start, "start");
function finish2(tables, args, ctx) {
  const row = requireRun(tables, args);
  const run = effective(row.run, ctx.now);
  if (run.status !== "in_progress") return { run, message: null, steps: row.steps };
  const result = args.result;
  let message = null;
  if (result.type === "failed") {
    Object.assign(run, { status: "failed", failed_at: ctx.seconds, last_error: { code: result.code, message: result.message } });
  } else {
    run.usage = addUsage(run.usage, result.usage);
    if (result.type === "message" || result.text) {
      message = assistantMessage(run, PREFIX.message + row.replyKey, ctx.seconds);
      message.content = [textContent(result.text)];
      const truncated = result.type === "message" && result.truncated;
      Object.assign(
        message,
        truncated ? { status: "incomplete", incomplete_at: ctx.seconds, incomplete_details: { reason: "max_tokens" } } : { status: "completed", completed_at: ctx.seconds }
      );
      tables.table("messages").put(row.replyKey, message, run.id);
      const step = newStep(run, result.steps.message, ctx.seconds, {
        type: "message_creation",
        message_creation: { message_id: message.id }
      });
      Object.assign(step, { status: "completed", completed_at: ctx.seconds, usage: result.type === "message" ? result.usage : null });
      row.steps.push(step);
    }
    if (result.type === "message") {
      Object.assign(
        run,
        result.truncated ? { status: "incomplete", incomplete_details: { reason: "max_completion_tokens" } } : { status: "completed", completed_at: ctx.seconds }
      );
    } else {
      const step = newStep(run, result.steps.tools, ctx.seconds, {
        type: "tool_calls",
        tool_calls: result.calls.map((c) => ({ ...c, function: { ...c.function, output: null } }))
      });
      step.usage = result.usage;
      row.steps.push(step);
      Object.assign(run, {
        status: "requires_action",
        required_action: { type: "submit_tool_outputs", submit_tool_outputs: { tool_calls: result.calls } }
      });
    }
  }
  row.run = run;
  saveRun(tables, args.key, row);
  return { run, message, steps: row.steps };
}
__name(finish2, "finish");
function resume(tables, args, ctx) {
  const row = requireRun(tables, args);
  const run = effective(row.run, ctx.now);
  if (run.status !== "requires_action")
    throw badRequest(`Runs in status '${run.status}' do not accept tool outputs.`, "tool_outputs", "run_not_waiting");
  const pending = run.required_action.submit_tool_outputs.tool_calls;
  const outputs = new Map(args.outputs.map((o) => [o.tool_call_id, o.output]));
  for (const id of outputs.keys())
    if (!pending.some((call) => call.id === id))
      throw badRequest(`No tool call '${id}' is waiting for output in run ${run.id}.`, "tool_outputs");
  const missing = pending.filter((call) => !outputs.has(call.id)).map((call) => call.id);
  if (missing.length) throw badRequest(`Tool outputs are missing for: ${missing.join(", ")}.`, "tool_outputs");
  const step = row.steps.findLast((s) => s.step_details.type === "tool_calls");
  if (step.step_details.type === "tool_calls")
    for (const call of step.step_details.tool_calls) call.function.output = outputs.get(call.id) ?? null;
  Object.assign(step, { status: "completed", completed_at: ctx.seconds });
  Object.assign(run, { status: "in_progress", required_action: null });
  row.run = run;
  row.replyKey = ctx.key(tables, "messages");
  saveRun(tables, args.key, row);
  return started(tables, row);
}
__name(resume, "resume");
function interrupt(tables, args, ctx) {
  const row = latestRun(tables);
  if (!row || row.run.status !== "in_progress" && row.run.status !== "queued") return null;
  Object.assign(row.run, { status: "failed", failed_at: ctx.seconds, last_error: { code: "server_error", message: args.message } });
  saveRun(tables, row.run.id.slice(PREFIX.run.length), row);
  return row.run;
}
__name(interrupt, "interrupt");
function cancel(tables, args, ctx) {
  const row = requireRun(tables, args);
  const run = effective(row.run, ctx.now);
  if (!isActive(run.status)) throw badRequest(`Cannot cancel run with status '${run.status}'.`, null, "run_not_active");
  Object.assign(run, { status: "cancelled", cancelled_at: ctx.seconds, required_action: null });
  for (const step of row.steps) if (step.status === "in_progress") Object.assign(step, { status: "cancelled", cancelled_at: ctx.seconds });
  row.run = run;
  saveRun(tables, args.key, row);
  return run;
}
__name(cancel, "cancel");
var runOps = {
  "runs.start": start,
  "runs.finish": finish2,
  "runs.resume": resume,
  "runs.interrupt": interrupt,
  "runs.cancel": cancel,
  "runs.get": /* @__PURE__ */ __name(((tables, args, ctx) => effective(requireRun(tables, args).run, ctx.now)), "runs.get"),
  "runs.update": /* @__PURE__ */ __name(((tables, args, ctx) => {
    const row = requireRun(tables, args);
    row.run.metadata = args.metadata;
    saveRun(tables, args.key, row);
    return effective(row.run, ctx.now);
  }), "runs.update"),
  "runs.list": /* @__PURE__ */ __name(((tables, args, ctx) => {
    requireThread(tables, args.threadId);
    const { scan, reverse } = scanFor(args.query);
    const rows = tables.table("runs").scan(scan);
    return toPage(
      rows.map((row) => effective(row.run, ctx.now)),
      args.query,
      reverse
    );
  }), "runs.list"),
  "steps.list": /* @__PURE__ */ __name(((tables, args) => {
    const row = requireRun(tables, args);
    const { scan, reverse } = scanFor(args.query);
    const entries = row.steps.map((step) => [step.id.slice(PREFIX.step.length), step, null]).sort((a, b) => a[0] < b[0] ? -1 : 1);
    return toPage(scanSorted(entries, scan), args.query, reverse);
  }), "steps.list"),
  "steps.get": /* @__PURE__ */ __name(((tables, args) => {
    const step = requireRun(tables, args).steps.find((s) => s.id === args.stepId);
    if (!step) throw notFound(`No run step found with id '${args.stepId}'.`);
    return step;
  }), "steps.get")
};

// src/responses/items.ts
function itemsToChat(items2) {
  const out = [];
  for (const item2 of items2) {
    if (item2.type === "message") {
      const images = item2.content.filter((c) => c.type === "input_image");
      const text = item2.content.map((c) => c.type === "input_image" ? "" : c.text).filter(Boolean).join("\n");
      const content2 = images.length ? item2.content.map(
        (c) => c.type === "input_image" ? { type: "image_url", image_url: { url: c.image_url } } : { type: "text", text: c.text }
      ) : text;
      out.push({ role: item2.role, content: content2 });
    } else if (item2.type === "function_call") {
      const call = { id: item2.call_id, type: "function", function: { name: item2.name, arguments: item2.arguments } };
      const last = out.at(-1);
      if (last?.role === "assistant" && Array.isArray(last.tool_calls) && !last.content) last.tool_calls.push(call);
      else out.push({ role: "assistant", content: null, tool_calls: [call] });
    } else if (item2.type === "function_call_output") {
      out.push({ role: "tool", tool_call_id: item2.call_id, content: item2.output });
    }
  }
  return out;
}
__name(itemsToChat, "itemsToChat");
var ITEM_PREFIX = { message: "msg_", function_call: "fc_", function_call_output: "fco_", reasoning: "rs_" };

// src/responses/response-ops.ts
var CONVERSATION_KEY = "c";
var conversations = /* @__PURE__ */ __name((tables) => tables.table("conversation"), "conversations");
var items = /* @__PURE__ */ __name((tables) => tables.table("items"), "items");
var responses = /* @__PURE__ */ __name((tables) => tables.table("responses"), "responses");
function requireConversation(tables, id) {
  const conversation = conversations(tables).get(CONVERSATION_KEY);
  if (!conversation) throw notFound(`No conversation found with id '${id}'.`, "conversation");
  return conversation;
}
__name(requireConversation, "requireConversation");
function requireResponse(tables, id, param = null) {
  const row = responses(tables).get(id);
  if (!row) throw notFound(`No response found with id '${id}'.`, param);
  return row;
}
__name(requireResponse, "requireResponse");
function addItems(tables, ctx, added) {
  return added.map((item2) => {
    const key = ctx.key(tables, "items");
    const stored = { ...item2, id: ITEM_PREFIX[item2.type] + key };
    items(tables).put(key, stored);
    return stored;
  });
}
__name(addItems, "addItems");
var MAX_CONTEXT_ITEMS = 256;
var MAX_CONTEXT_CHARACTERS = 4e5;
var itemsUpTo = /* @__PURE__ */ __name((tables, lastKey) => items(tables).scan({ below: lastKey ? `${lastKey}~` : void 0, descending: true, limit: MAX_CONTEXT_ITEMS }).reverse(), "itemsUpTo");
var itemCharacters = /* @__PURE__ */ __name((item2) => item2.type === "message" ? item2.content.reduce((n2, c) => n2 + (c.type === "input_image" ? c.image_url.length : c.text.length), 0) : item2.type === "function_call" ? item2.arguments.length + item2.name.length : item2.type === "reasoning" ? item2.content.reduce((n2, c) => n2 + c.text.length, 0) : item2.output.length, "itemCharacters");
function newestWithinContext(all) {
  let start3 = all.length;
  let characters = 0;
  while (start3 > 0 && all.length - start3 < MAX_CONTEXT_ITEMS) {
    characters += itemCharacters(all[start3 - 1]);
    if (characters > MAX_CONTEXT_CHARACTERS && start3 < all.length) break;
    start3--;
  }
  while (start3 < all.length - 1 && all[start3].type === "function_call_output") start3++;
  return all.slice(start3);
}
__name(newestWithinContext, "newestWithinContext");
function context(tables, args) {
  const floor = items(tables).lastKey();
  if (args.conversationId) {
    requireConversation(tables, args.conversationId);
    return { items: newestWithinContext(itemsUpTo(tables)), floor };
  }
  const chain = [];
  let id = args.previousResponseId;
  let start3 = [];
  let first = true;
  let collected = 0;
  while (id && collected < MAX_CONTEXT_ITEMS && chain.length < MAX_CONTEXT_ITEMS) {
    const row = first ? requireResponse(tables, id, "previous_response_id") : responses(tables).get(id);
    first = false;
    if (!row) break;
    chain.unshift(row);
    collected += row.input.length + row.response.output.length;
    if (row.response.conversation) {
      start3 = itemsUpTo(tables, row.lastItemKey);
      break;
    }
    id = row.response.previous_response_id;
  }
  const turns = chain.flatMap((row) => row.response.conversation ? [] : [...row.input, ...row.response.output]);
  return { items: newestWithinContext([...start3, ...turns]), floor };
}
__name(context, "context");
function save(tables, args) {
  let lastItemKey = null;
  if (args.inConversation) {
    requireConversation(tables, args.response.conversation.id);
    for (const item2 of [...args.input, ...args.response.output]) {
      const key = cursorKey(item2.id);
      items(tables).put(key, item2);
      lastItemKey = key;
    }
  }
  responses(tables).put(args.response.id, { response: args.response, input: args.input, lastItemKey });
  return args.response;
}
__name(save, "save");
var responseOps = {
  "responses.context": context,
  "responses.save": save,
  "responses.get": /* @__PURE__ */ __name(((tables, args) => requireResponse(tables, args.id).response), "responses.get"),
  "responses.delete": /* @__PURE__ */ __name(((tables, args) => {
    requireResponse(tables, args.id);
    responses(tables).delete(args.id);
    return { id: args.id, object: "response.deleted", deleted: true };
  }), "responses.delete"),
  "responses.inputItems": /* @__PURE__ */ __name(((tables, args) => {
    const row = requireResponse(tables, args.id);
    const { scan, reverse } = scanFor(args.query);
    const entries = row.input.map((item2) => [cursorKey(item2.id), item2, null]).sort((a, b) => a[0] < b[0] ? -1 : 1);
    return toPage(scanSorted(entries, scan), args.query, reverse);
  }), "responses.inputItems"),
  "responses.cancel": /* @__PURE__ */ __name(((tables, args) => {
    requireResponse(tables, args.id);
    throw badRequest(
      "Only responses created with background=true can be cancelled; this one has already finished.",
      null,
      "response_not_cancellable"
    );
  }), "responses.cancel"),
  "conversations.create": /* @__PURE__ */ __name(((tables, args, ctx) => {
    if (conversations(tables).get(CONVERSATION_KEY)) throw badRequest(`Conversation ${args.conversationId} already exists.`);
    const conversation = {
      id: args.conversationId,
      object: "conversation",
      created_at: ctx.seconds,
      metadata: args.metadata
    };
    conversations(tables).put(CONVERSATION_KEY, conversation);
    addItems(tables, ctx, args.items);
    return conversation;
  }), "conversations.create"),
  "conversations.get": /* @__PURE__ */ __name(((tables, args) => requireConversation(tables, args.conversationId)), "conversations.get"),
  "conversations.update": /* @__PURE__ */ __name(((tables, args) => {
    const conversation = { ...requireConversation(tables, args.conversationId), metadata: args.metadata };
    conversations(tables).put(CONVERSATION_KEY, conversation);
    return conversation;
  }), "conversations.update"),
  "conversations.delete": /* @__PURE__ */ __name(((tables, args) => {
    requireConversation(tables, args.conversationId);
    tables.clear();
    return { id: args.conversationId, object: "conversation.deleted", deleted: true };
  }), "conversations.delete"),
  "items.add": /* @__PURE__ */ __name(((tables, args, ctx) => {
    requireConversation(tables, args.conversationId);
    const added = addItems(tables, ctx, args.items);
    return { object: "list", data: added, first_id: added[0]?.id ?? null, last_id: added.at(-1)?.id ?? null, has_more: false };
  }), "items.add"),
  "items.list": /* @__PURE__ */ __name(((tables, args) => {
    requireConversation(tables, args.conversationId);
    const { scan, reverse } = scanFor(args.query);
    return toPage(items(tables).scan(scan), args.query, reverse);
  }), "items.list"),
  "items.get": /* @__PURE__ */ __name(((tables, args) => {
    requireConversation(tables, args.conversationId);
    const item2 = items(tables).get(args.key);
    if (!item2) throw notFound(`No item found with id '${args.itemId}'.`);
    return item2;
  }), "items.get"),
  "items.delete": /* @__PURE__ */ __name(((tables, args) => {
    const conversation = requireConversation(tables, args.conversationId);
    if (!items(tables).delete(args.key)) throw notFound(`No item found with id '${args.itemId}'.`);
    return conversation;
  }), "items.delete")
};

// src/state/registry.ts
var OPS = { ...assistantOps, ...threadOps, ...runOps, ...responseOps };
function isPending(op, result) {
  return op === "runs.get" && isTransient(result.status);
}
__name(isPending, "isPending");
function runOp(op, tables, args, ctx) {
  if (!Object.hasOwn(OPS, op)) throw new Error(`Unknown state operation: ${op}`);
  return OPS[op](tables, args, ctx);
}
__name(runOp, "runOp");

// src/state/kv-backend.ts
var byNamespace = /* @__PURE__ */ new WeakMap();
var KvBackend = class {
  static {
    __name(this, "KvBackend");
  }
  name = "kv";
  documents;
  constructor(kv) {
    let documents = byNamespace.get(kv);
    if (!documents) byNamespace.set(kv, documents = new KvDocuments(kv));
    this.documents = documents;
  }
  async apply(object, op, args, fresh = false) {
    return unwrap(await this.documents.run(object, (tables) => runOp(op, tables, args, createContext()), fresh));
  }
  invoke(object, op, args, options = {}) {
    const once = /* @__PURE__ */ __name(() => this.apply(object, op, args, options.fresh), "once");
    if (!options.waitMs) return once();
    return settle2(
      once,
      (result) => isPending(op, result),
      options.waitMs,
      (ms) => this.documents.changed(object, ms),
      () => this.documents.isWorking(object)
    );
  }
  async start(object, op, args, options = {}) {
    if (options.defer) return this.startDeferred(object, op, args, options.fresh);
    const value = await this.apply(object, op, args, options.fresh);
    this.documents.setWorking(object, 1);
    let open = true;
    const end = /* @__PURE__ */ __name(() => {
      const wasOpen = open;
      if (open) this.documents.setWorking(object, -1);
      open = false;
      return wasOpen;
    }, "end");
    return {
      value,
      session: {
        // Still "working" until the finish is written, so a poll holding for this run does not give up early.
        finish: /* @__PURE__ */ __name((finishOp, finishArgs) => this.apply(object, finishOp, finishArgs).finally(end), "finish"),
        close: /* @__PURE__ */ __name(() => {
          if (end() && options.abandon)
            void this.apply(object, options.abandon.op, options.abandon.args).catch(() => {
            });
        }, "close")
      }
    };
  }
  /** Runs the start on a copy (nothing written), remembering its ids and clock; `finish` replays it and writes once. */
  async startDeferred(object, op, args, fresh = false) {
    const ctx = createContext();
    const value = unwrap(
      await this.documents.run(object, (tables) => runOp(op, new DocumentTables(structuredClone(tables.doc)), args, ctx), fresh)
    );
    return {
      value,
      session: {
        finish: /* @__PURE__ */ __name(async (finishOp, finishArgs) => unwrap(
          await this.documents.run(
            object,
            (tables) => {
              runOp(op, tables, args, createContext(ctx.tape));
              return runOp(finishOp, tables, finishArgs, createContext());
            },
            fresh
          )
        ), "finish"),
        close: /* @__PURE__ */ __name(() => {
        }, "close")
      }
    };
  }
};

// src/state/select.ts
var chosen = /* @__PURE__ */ new WeakMap();
function stateBackend(env) {
  let backend = chosen.get(env);
  if (!backend) chosen.set(env, backend = choose(env));
  return backend;
}
__name(stateBackend, "stateBackend");
function choose(env) {
  const store2 = (env.STATE_STORE ?? "").trim().toLowerCase();
  if (store2 === "kv") {
    const kv = env.STATE_KV ?? env.CACHE;
    if (!kv) throw new ConfigError("STATE_STORE", 'is "kv", but neither a STATE_KV nor a CACHE KV namespace is bound.');
    return new KvBackend(kv);
  }
  if (store2 !== "" && store2 !== "durable-object")
    throw new ConfigError("STATE_STORE", `is "${env.STATE_STORE}"; expected "durable-object" (the default) or "kv".`);
  if (!env.STATE)
    throw new ConfigError(
      "STATE_STORE",
      'selects the Durable Object backend, but no STATE Durable Object binding exists (see worker/wrangler.jsonc), or set STATE_STORE to "kv".'
    );
  return new DurableObjectBackend(env.STATE);
}
__name(choose, "choose");

// src/state/request.ts
function stateRequest(c) {
  return {
    env: c.env,
    config: readConfig(c.env),
    backend: new ProjectBackend(stateBackend(c.env), principal(c).project),
    waitUntil: /* @__PURE__ */ __name((promise) => c.executionCtx.waitUntil(promise), "waitUntil"),
    url: new URL(c.req.url),
    key: /* @__PURE__ */ __name((param, prefix, what, length) => requireKey(c.req.param(param) ?? "", prefix, what, length), "key")
  };
}
__name(stateRequest, "stateRequest");
async function readOptionalBody(request) {
  try {
    return await readJsonObject(request);
  } catch (error) {
    if (error.message?.startsWith("The request body is empty")) return {};
    throw error;
  }
}
__name(readOptionalBody, "readOptionalBody");

// src/assistants/assistant-cache.ts
var ASSISTANT_TTL_MS = 1e4;
var MAX_CACHED = 256;
var cached2 = /* @__PURE__ */ new Map();
var cacheKey2 = /* @__PURE__ */ __name((backend, id) => `${backend.name}:${backend.project}:${id}`, "cacheKey");
function remember(backend, id, assistant) {
  const key = cacheKey2(backend, id);
  cached2.delete(key);
  cached2.set(key, { assistant, until: Date.now() + ASSISTANT_TTL_MS });
  if (cached2.size > MAX_CACHED) cached2.delete(cached2.keys().next().value);
}
__name(remember, "remember");
async function assistantForRun(backend, id, param = "assistant_id") {
  const key = keyOf(id, PREFIX.assistant);
  if (key === void 0) throw notFound(`No assistant found with id '${id}'.`, param);
  const hit = cached2.get(cacheKey2(backend, id));
  let assistant;
  if (hit && hit.until > Date.now()) assistant = hit.assistant;
  else {
    try {
      assistant = await backend.invoke(objectName.assistants, "assistants.get", { key, assistantId: id });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      assistant = null;
    }
    remember(backend, id, assistant);
  }
  if (!assistant) throw notFound(`No assistant found with id '${id}'.`, param);
  return assistant;
}
__name(assistantForRun, "assistantForRun");

// src/assistants/requests.ts
var MAX_RUN_TOKENS = 1e6;
function maxLength(body, field, max, param = field) {
  const value = optionalString(body, field, param);
  if (value !== void 0 && value.length > max)
    throw badRequest(`'${param}' may be at most ${max} characters, got ${value.length}.`, param);
  return body[field] === null ? null : value;
}
__name(maxLength, "maxLength");
function tools(body, field, max) {
  const list = optionalArray(body, field);
  if (list === void 0) return void 0;
  if (list.length > max) throw badRequest(`'${field}' may hold at most ${max} tools.`, field);
  return parseTools(list, field).map((tool, i) => {
    const strict = list[i].function.strict;
    return { type: "function", function: { ...tool.function, ...typeof strict === "boolean" ? { strict } : {} } };
  });
}
__name(tools, "tools");
function responseFormat(body, param = "response_format") {
  const value = body.response_format;
  if (value === void 0 || value === null || value === "auto") return value ?? void 0;
  parseResponseFormat(optionalObject(body, "response_format", param), param);
  return value;
}
__name(responseFormat, "responseFormat");
var sampling = /* @__PURE__ */ __name((body) => ({
  temperature: optionalNumber(body, "temperature", { min: 0, max: 2 }),
  top_p: optionalNumber(body, "top_p", { min: 0, max: 1 })
}), "sampling");
function parseAssistant(body, config, creating) {
  const fields = {};
  if (creating || body.model !== void 0) {
    fields.model = requiredString(body, "model");
    resolveModel(body, config, config.defaultModel);
  }
  const set = /* @__PURE__ */ __name((key, value) => {
    if (value !== void 0) fields[key] = value;
  }, "set");
  set("name", maxLength(body, "name", 256));
  set("description", maxLength(body, "description", 512));
  set("instructions", maxLength(body, "instructions", 256e3));
  set("tools", tools(body, "tools", 128));
  set("tool_resources", body.tool_resources === null ? null : optionalObject(body, "tool_resources"));
  set("metadata", parseMetadata(body));
  const { temperature, top_p } = sampling(body);
  set("temperature", body.temperature === null ? null : temperature);
  set("top_p", body.top_p === null ? null : top_p);
  set("response_format", responseFormat(body));
  if (creating)
    return {
      name: null,
      description: null,
      instructions: null,
      tools: [],
      tool_resources: null,
      metadata: {},
      temperature: null,
      top_p: null,
      response_format: "auto",
      ...fields
    };
  return fields;
}
__name(parseAssistant, "parseAssistant");
function attachments(body, param) {
  return (optionalArray(body, "attachments", param) ?? []).map((raw2, i) => {
    const item2 = asObject(raw2, `${param}[${i}]`);
    const tools2 = (optionalArray(item2, "tools", `${param}[${i}].tools`) ?? []).map((tool, j) => {
      const type = asObject(tool, `${param}[${i}].tools[${j}]`).type;
      if (type !== "code_interpreter" && type !== "file_search")
        throw badRequest(
          `'${param}[${i}].tools[${j}].type' must be 'code_interpreter' or 'file_search'.`,
          `${param}[${i}].tools[${j}].type`
        );
      return { type };
    });
    return { file_id: requiredString(item2, "file_id", `${param}[${i}].file_id`), tools: tools2 };
  });
}
__name(attachments, "attachments");
function content(value, param) {
  if (typeof value === "string") return [{ type: "text", text: { value, annotations: [] } }];
  if (!Array.isArray(value) || value.length === 0)
    throw badRequest(`'${param}' must be a string or a non-empty array of content parts.`, param);
  return value.map((raw2, i) => {
    const part = asObject(raw2, `${param}[${i}]`);
    if (part.type === "text")
      return { type: "text", text: { value: requiredString(part, "text", `${param}[${i}].text`), annotations: [] } };
    if (part.type === "image_url") {
      const image = asObject(part.image_url, `${param}[${i}].image_url`);
      return {
        type: "image_url",
        image_url: {
          url: requiredString(image, "url", `${param}[${i}].image_url.url`),
          detail: optionalString(image, "detail", `${param}[${i}].image_url.detail`) ?? "auto"
        }
      };
    }
    if (part.type === "image_file")
      throw badRequest(
        `'${param}[${i}].type' 'image_file' needs the Files API, which this proxy does not have; send the image as 'image_url'.`,
        `${param}[${i}].type`
      );
    throw badRequest(`'${param}[${i}].type' must be 'text' or 'image_url'.`, `${param}[${i}].type`);
  });
}
__name(content, "content");
var MAX_MESSAGE_CHARACTERS = 256e3;
function parseMessage(value, param = "") {
  const body = asObject(value, param || "body");
  const at = /* @__PURE__ */ __name((field) => param ? `${param}.${field}` : field, "at");
  const role = optionalString(body, "role", at("role"));
  if (role !== "user" && role !== "assistant") throw badRequest(`'${at("role")}' must be 'user' or 'assistant'.`, at("role"));
  if (body.content === void 0 || body.content === null) throw badRequest(`'${at("content")}' is required.`, at("content"));
  const parts = content(body.content, at("content"));
  const characters = parts.reduce((n2, part) => n2 + (part.type === "text" ? part.text.value.length : 0), 0);
  if (characters > MAX_MESSAGE_CHARACTERS)
    throw badRequest(`'${at("content")}' may be at most ${MAX_MESSAGE_CHARACTERS} characters, got ${characters}.`, at("content"));
  return {
    role,
    content: parts,
    attachments: attachments(body, at("attachments")),
    metadata: parseMetadata(body, "metadata", at("metadata")) ?? {}
  };
}
__name(parseMessage, "parseMessage");
function parseMessages(body, field, param = field) {
  return (optionalArray(body, field, param) ?? []).map((m, i) => parseMessage(m, `${param}[${i}]`));
}
__name(parseMessages, "parseMessages");
function parseThread(body, param = "") {
  const at = /* @__PURE__ */ __name((field) => param ? `${param}.${field}` : field, "at");
  return {
    metadata: parseMetadata(body, "metadata", at("metadata")) ?? {},
    tool_resources: optionalObject(body, "tool_resources", at("tool_resources")) ?? null,
    messages: parseMessages(body, "messages", at("messages"))
  };
}
__name(parseThread, "parseThread");
function parseRun(body, assistant, config) {
  const model = optionalString(body, "model") ?? assistant.model;
  resolveModel({ model }, config, config.defaultModel);
  const base = optionalString(body, "instructions") ?? assistant.instructions ?? "";
  const extra = optionalString(body, "additional_instructions");
  const { temperature, top_p } = sampling(body);
  const maxPrompt = optionalNumber(body, "max_prompt_tokens", { min: 256, max: MAX_RUN_TOKENS, integer: true });
  const maxCompletion = optionalNumber(body, "max_completion_tokens", { min: 256, max: MAX_RUN_TOKENS, integer: true });
  parseToolChoice(body.tool_choice);
  return {
    stream: optionalBoolean(body, "stream") ?? false,
    template: {
      assistant_id: assistant.id,
      model,
      instructions: extra ? base ? `${base}

${extra}` : extra : base,
      tools: tools(body, "tools", 20) ?? assistant.tools,
      metadata: parseMetadata(body) ?? {},
      temperature: temperature ?? assistant.temperature ?? null,
      top_p: top_p ?? assistant.top_p ?? null,
      max_prompt_tokens: maxPrompt ?? null,
      max_completion_tokens: maxCompletion ?? null,
      truncation_strategy: truncation(body),
      tool_choice: body.tool_choice ?? "auto",
      parallel_tool_calls: optionalBoolean(body, "parallel_tool_calls") ?? true,
      response_format: responseFormat(body) ?? assistant.response_format ?? "auto"
    }
  };
}
__name(parseRun, "parseRun");
function truncation(body) {
  const value = optionalObject(body, "truncation_strategy");
  if (!value) return { type: "auto", last_messages: null };
  if (value.type === "auto") return { type: "auto", last_messages: null };
  if (value.type !== "last_messages")
    throw badRequest("'truncation_strategy.type' must be 'auto' or 'last_messages'.", "truncation_strategy.type");
  const last = optionalNumber(
    value,
    "last_messages",
    { min: 1, max: AUTO_TRUNCATION_MESSAGES, integer: true },
    "truncation_strategy.last_messages"
  );
  if (last === void 0)
    throw badRequest(
      "'truncation_strategy.last_messages' is required when the type is 'last_messages'.",
      "truncation_strategy.last_messages"
    );
  return { type: "last_messages", last_messages: last };
}
__name(truncation, "truncation");
function parseToolOutputs(body) {
  const list = optionalArray(body, "tool_outputs");
  if (!list || list.length === 0) throw badRequest("'tool_outputs' must be a non-empty array.", "tool_outputs");
  const outputs = list.map((raw2, i) => {
    const item2 = asObject(raw2, `tool_outputs[${i}]`);
    return {
      tool_call_id: requiredString(item2, "tool_call_id", `tool_outputs[${i}].tool_call_id`),
      output: optionalString(item2, "output", `tool_outputs[${i}].output`) ?? ""
    };
  });
  return { outputs, stream: optionalBoolean(body, "stream") ?? false };
}
__name(parseToolOutputs, "parseToolOutputs");

// src/assistants/routes.ts
var assistantKey = /* @__PURE__ */ __name((c) => stateRequest(c).key("assistant_id", PREFIX.assistant, "assistant"), "assistantKey");
async function createAssistant(c) {
  const s = stateRequest(c);
  const fields = parseAssistant(await readJsonObject(c.req.raw), s.config, true);
  const assistant = await s.backend.invoke(objectName.assistants, "assistants.create", { fields });
  remember(s.backend, assistant.id, assistant);
  return c.json(assistant);
}
__name(createAssistant, "createAssistant");
async function listAssistants(c) {
  const s = stateRequest(c);
  return c.json(await s.backend.invoke(objectName.assistants, "assistants.list", { query: parsePageQuery(s.url) }));
}
__name(listAssistants, "listAssistants");
async function retrieveAssistant(c) {
  const s = stateRequest(c);
  return c.json(
    await s.backend.invoke(objectName.assistants, "assistants.get", { key: assistantKey(c), assistantId: c.req.param("assistant_id") })
  );
}
__name(retrieveAssistant, "retrieveAssistant");
async function modifyAssistant(c) {
  const s = stateRequest(c);
  const key = assistantKey(c);
  const fields = parseAssistant(await readJsonObject(c.req.raw), s.config, false);
  const assistant = await s.backend.invoke(objectName.assistants, "assistants.update", {
    key,
    assistantId: c.req.param("assistant_id"),
    fields
  });
  remember(s.backend, assistant.id, assistant);
  return c.json(assistant);
}
__name(modifyAssistant, "modifyAssistant");
async function deleteAssistant(c) {
  const s = stateRequest(c);
  const id = c.req.param("assistant_id");
  const deleted = await s.backend.invoke(objectName.assistants, "assistants.delete", { key: assistantKey(c), assistantId: id });
  remember(s.backend, id, null);
  return c.json(deleted);
}
__name(deleteAssistant, "deleteAssistant");
function threadOf(c) {
  const key = stateRequest(c).key("thread_id", PREFIX.thread, "thread", OBJECT_KEY_LENGTH);
  return { threadId: c.req.param("thread_id"), object: objectName.thread(key) };
}
__name(threadOf, "threadOf");
async function createThread2(c) {
  const s = stateRequest(c);
  const body = await readOptionalBody(c.req.raw);
  const key = randomChars(OBJECT_KEY_LENGTH);
  const threadId = PREFIX.thread + key;
  const thread = await s.backend.invoke(objectName.thread(key), "threads.create", { threadId, ...parseThread(body) }, { fresh: true });
  return c.json(thread);
}
__name(createThread2, "createThread");
async function retrieveThread(c) {
  const { threadId, object } = threadOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "threads.get", { threadId }));
}
__name(retrieveThread, "retrieveThread");
async function modifyThread(c) {
  const { threadId, object } = threadOf(c);
  const body = await readJsonObject(c.req.raw);
  const tool_resources = body.tool_resources === void 0 ? void 0 : parseThread({ tool_resources: body.tool_resources }).tool_resources;
  return c.json(
    await stateRequest(c).backend.invoke(object, "threads.update", { threadId, metadata: parseMetadata(body), tool_resources })
  );
}
__name(modifyThread, "modifyThread");
async function deleteThread(c) {
  const { threadId, object } = threadOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "threads.delete", { threadId }));
}
__name(deleteThread, "deleteThread");
async function createMessage(c) {
  const { threadId, object } = threadOf(c);
  const message = parseMessage(await readJsonObject(c.req.raw));
  return c.json(await stateRequest(c).backend.invoke(object, "messages.create", { threadId, message }));
}
__name(createMessage, "createMessage");
async function listMessages(c) {
  const s = stateRequest(c);
  const { threadId, object } = threadOf(c);
  const runId = s.url.searchParams.get("run_id") || void 0;
  return c.json(await s.backend.invoke(object, "messages.list", { threadId, query: parsePageQuery(s.url), runId }));
}
__name(listMessages, "listMessages");
function messageArgs(c) {
  const { threadId, object } = threadOf(c);
  const key = stateRequest(c).key("message_id", PREFIX.message, "message");
  return { object, args: { threadId, key, messageId: c.req.param("message_id") } };
}
__name(messageArgs, "messageArgs");
async function retrieveMessage(c) {
  const { object, args } = messageArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "messages.get", args));
}
__name(retrieveMessage, "retrieveMessage");
async function modifyMessage(c) {
  const { object, args } = messageArgs(c);
  const metadata = parseMetadata(await readJsonObject(c.req.raw));
  if (metadata === void 0) return c.json(await stateRequest(c).backend.invoke(object, "messages.get", args));
  return c.json(await stateRequest(c).backend.invoke(object, "messages.update", { ...args, metadata }));
}
__name(modifyMessage, "modifyMessage");
async function deleteMessage(c) {
  const { object, args } = messageArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "messages.delete", args));
}
__name(deleteMessage, "deleteMessage");

// src/ai/turn.ts
function settledToolCalls(events) {
  const seen = /* @__PURE__ */ new Set();
  const settle3 = /* @__PURE__ */ __name((event) => {
    if (event.type === "text" && seen.size) return [];
    if (event.type === "tool" && !seen.has(event.index)) {
      seen.add(event.index);
      if (!event.id) return [{ ...event, id: newToolCallId() }];
    }
    return [event];
  }, "settle");
  return {
    paced: events.paced,
    async read() {
      for (let batch = await events.read(); batch; batch = await events.read()) {
        const settled = batch.flatMap(settle3);
        if (settled.length) return settled;
      }
      return void 0;
    },
    cancel: /* @__PURE__ */ __name((reason) => events.cancel(reason), "cancel"),
    ended: events.ended
  };
}
__name(settledToolCalls, "settledToolCalls");
function readToTheEnd(events, maxTokens, waitUntil, end) {
  const output = new Mailbox();
  const pump2 = /* @__PURE__ */ __name(async () => {
    const collector = new ResultCollector();
    let failure2;
    try {
      for (let batch = await events.read(); batch; batch = await events.read()) {
        for (const event of batch) collector.add(event);
        output.put(...batch);
        await output.taken();
      }
    } catch (error) {
      failure2 = toApiError(error);
    }
    try {
      await end(failure2 ? { error: failure2 } : { result: collector.result(maxTokens) });
    } catch (error) {
      failure2 ??= toApiError(error);
    }
    if (!output.listening) return;
    if (failure2) output.fail(failure2);
    else output.close();
  }, "pump");
  waitUntil(pump2());
  return { paced: events.paced, read: /* @__PURE__ */ __name(() => output.read(), "read"), cancel: /* @__PURE__ */ __name((reason) => output.cancel(reason), "cancel"), ended: events.ended ?? output.ended };
}
__name(readToTheEnd, "readToTheEnd");

// src/render/stored-ending.ts
function storedEnding(stored, closing, unstored) {
  return {
    end: /* @__PURE__ */ __name(() => closing(stored()), "end"),
    error(error) {
      const value = stored();
      return value === void 0 ? unstored(error) : closing(value);
    }
  };
}
__name(storedEnding, "storedEnding");

// src/render/tool-calls.ts
var ToolCallTracker = class {
  constructor(announce, more, first = () => "") {
    this.announce = announce;
    this.more = more;
    this.first = first;
  }
  static {
    __name(this, "ToolCallTracker");
  }
  calls = /* @__PURE__ */ new Map();
  event(event) {
    let call = this.calls.get(event.index);
    let out = "";
    if (!call) {
      call = { position: this.calls.size, id: event.id, name: void 0, opened: false, pending: "", args: "" };
      this.calls.set(event.index, call);
      out += this.first(call);
    }
    call.args += event.args;
    if (call.opened) return out + (event.args ? this.more(call, event.args) : "");
    if (event.name) call.name = event.name;
    call.pending += event.args;
    return out + this.open(call);
  }
  /** At the end: a call whose name never came is still a call. */
  openRemaining() {
    let out = "";
    for (const call of this.calls.values()) if (!call.opened) call.name ??= "", out += this.open(call);
    return out;
  }
  open(call) {
    if (call.opened || call.name === void 0) return "";
    call.opened = true;
    const args = call.pending;
    call.pending = "";
    return this.announce(call, args);
  }
};

// src/render/assistants-stream.ts
var frame = /* @__PURE__ */ __name((event, data) => `event: ${event}
data: ${JSON.stringify(data)}

`, "frame");
var now = /* @__PURE__ */ __name(() => Math.floor(Date.now() / 1e3), "now");
function assistantStreamRenderer(setup) {
  const run = setup.run;
  let message;
  let messageStep;
  let toolStep;
  let text = "";
  const openMessage = /* @__PURE__ */ __name(() => {
    if (message) return "";
    message = assistantMessage(run, setup.replyMessageId, now());
    messageStep = newStep(run, setup.steps.message, now(), { type: "message_creation", message_creation: { message_id: message.id } });
    return frame("thread.run.step.created", messageStep) + frame("thread.run.step.in_progress", messageStep) + frame("thread.message.created", message) + frame("thread.message.in_progress", message);
  }, "openMessage");
  const closeMessage = /* @__PURE__ */ __name((stored, storedStep) => {
    if (!message || !messageStep) return "";
    const done = stored ?? { ...message, status: "completed", completed_at: now(), content: [textContent(text)] };
    const step = storedStep ?? { ...messageStep, status: "completed", completed_at: now() };
    return frame("thread.message.completed", done) + frame("thread.run.step.completed", step);
  }, "closeMessage");
  const toolDelta = /* @__PURE__ */ __name((call) => frame("thread.run.step.delta", {
    id: setup.steps.tools,
    object: "thread.run.step.delta",
    delta: { step_details: { type: "tool_calls", tool_calls: [call] } }
  }), "toolDelta");
  const tools2 = new ToolCallTracker(
    (call, args) => toolDelta({ index: call.position, id: call.id, type: "function", function: { name: call.name, arguments: args, output: null } }),
    (call, args) => toolDelta({ index: call.position, type: "function", function: { arguments: args } }),
    () => openToolStep()
  );
  const openToolStep = /* @__PURE__ */ __name(() => {
    if (toolStep) return "";
    const out = closeMessage();
    message = void 0;
    toolStep = newStep(run, setup.steps.tools, now(), { type: "tool_calls", tool_calls: [] });
    return out + frame("thread.run.step.created", toolStep) + frame("thread.run.step.in_progress", toolStep);
  }, "openToolStep");
  const closing = /* @__PURE__ */ __name((finished) => {
    let out = tools2.openRemaining();
    const final = finished.run;
    if (finished.message && !toolStep) out += openMessage();
    if (message && finished.message)
      out += closeMessage(
        finished.message,
        finished.steps.find((s) => s.id === setup.steps.message)
      );
    const terminal = {
      completed: "thread.run.completed",
      incomplete: "thread.run.incomplete",
      requires_action: "thread.run.requires_action",
      failed: "thread.run.failed",
      cancelled: "thread.run.cancelled",
      expired: "thread.run.expired"
    };
    return `${out + frame(terminal[final.status] ?? "thread.run.failed", final)}event: done
data: [DONE]

`;
  }, "closing");
  return {
    start() {
      let out = setup.thread ? frame("thread.created", setup.thread) : "";
      if (setup.completedStep)
        out += frame("thread.run.step.completed", setup.completedStep) + frame("thread.run.queued", { ...run, status: "queued" });
      else out += frame("thread.run.created", { ...run, status: "queued" }) + frame("thread.run.queued", { ...run, status: "queued" });
      return out + frame("thread.run.in_progress", run);
    },
    event(event) {
      switch (event.type) {
        case "text":
          if (toolStep || !event.text) return "";
          text += event.text;
          return openMessage() + frame("thread.message.delta", {
            id: setup.replyMessageId,
            object: "thread.message.delta",
            delta: { content: [{ index: 0, type: "text", text: { value: event.text, annotations: [] } }] }
          });
        case "tool":
          return tools2.event(event);
        default:
          return "";
      }
    },
    ...storedEnding(
      setup.finished,
      closing,
      (error) => frame("error", { error: { message: error.message, type: error.type, param: error.param, code: error.code } }) + "event: done\ndata: [DONE]\n\n"
    )
  };
}
__name(assistantStreamRenderer, "assistantStreamRenderer");

// src/assistants/execute.ts
var POLL_AFTER_MS = 1e3;
function chatContent(content2) {
  if (content2.every((part) => part.type === "text")) return content2.map((part) => part.text.value).join("\n");
  return content2.map(
    (part) => part.type === "text" ? { type: "text", text: part.text.value } : { type: "image_url", image_url: { url: part.image_url.url } }
  );
}
__name(chatContent, "chatContent");
function runCall(started2, config, project, streamed, meter) {
  const run = started2.run;
  const messages = [];
  if (run.instructions) messages.push({ role: "system", content: run.instructions });
  for (const message of started2.messages) messages.push({ role: message.role, content: chatContent(message.content) });
  for (const round2 of started2.toolRounds) {
    messages.push({
      role: "assistant",
      content: null,
      tool_calls: round2.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.function.name, arguments: call.function.arguments }
      }))
    });
    for (const call of round2) messages.push({ role: "tool", tool_call_id: call.id, content: call.function.output ?? "" });
  }
  const request = parseChatRequest(
    {
      model: run.model,
      messages,
      temperature: run.temperature,
      top_p: run.top_p,
      max_completion_tokens: run.max_completion_tokens,
      tools: run.tools.length ? run.tools : void 0,
      tool_choice: run.tools.length ? run.tool_choice : void 0,
      parallel_tool_calls: run.tools.length ? run.parallel_tool_calls : void 0,
      response_format: run.response_format === "auto" ? void 0 : run.response_format
    },
    config,
    streamed
  );
  return {
    kind: scopedKind(config, project, "assistants"),
    model: request.model,
    request: request.modelRequest,
    inputs: request.inputs,
    sampling: request.sampling,
    meter
  };
}
__name(runCall, "runCall");
var newStepIds = /* @__PURE__ */ __name(() => ({ message: PREFIX.step + orderedKey(Date.now()), tools: PREFIX.step + orderedKey(Date.now()) }), "newStepIds");
function failure(error) {
  const code = error.status === 429 ? "rate_limit_exceeded" : error.status === 400 ? "invalid_prompt" : "server_error";
  return { type: "failed", code, message: error.message };
}
__name(failure, "failure");
function runResult(end, steps) {
  if ("error" in end) return failure(end.error);
  const { result } = end;
  if (result.toolCalls.length) {
    const calls = result.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments }
    }));
    return { type: "tool_calls", text: result.text, calls, usage: result.usage, steps };
  }
  return { type: "message", text: result.text, truncated: result.finishReason === "length", usage: result.usage, steps };
}
__name(runResult, "runResult");
async function finish3(x, result) {
  try {
    return await x.session.finish("runs.finish", {
      threadId: x.threadId,
      key: x.started.run.id.slice(PREFIX.run.length),
      runId: x.started.run.id,
      result
    });
  } finally {
    x.session.close();
  }
}
__name(finish3, "finish");
function runInBackground(x) {
  const steps = newStepIds();
  const metered = x.meter?.expect();
  const work = /* @__PURE__ */ __name(async () => {
    let end;
    try {
      end = { result: (await answerText(x.env, x.config, x.waitUntil, runCall(x.started, x.config, x.project, false, x.meter))).result };
    } catch (error) {
      end = { error: toApiError(error) };
    } finally {
      metered?.();
    }
    await finish3(x, runResult(end, steps));
  }, "work");
  x.waitUntil(work().catch((error) => console.error("run failed to finish", error)));
}
__name(runInBackground, "runInBackground");
async function runStreaming(x, prelude = {}) {
  const steps = newStepIds();
  let finished;
  const store2 = /* @__PURE__ */ __name(async (end) => void (finished = await finish3(x, runResult(end, steps))), "store");
  let events;
  let maxTokens;
  try {
    const call = runCall(x.started, x.config, x.project, true, x.meter);
    maxTokens = call.sampling.maxTokens;
    events = settledToolCalls((await streamText(x.env, x.config, x.waitUntil, call)).events);
  } catch (error) {
    events = eventsFailing(error);
  }
  const stored = readToTheEnd(events, maxTokens, x.waitUntil, store2);
  const renderer = assistantStreamRenderer({
    run: x.started.run,
    replyMessageId: x.started.replyMessageId,
    steps,
    ...prelude,
    finished: /* @__PURE__ */ __name(() => finished, "finished")
  });
  return new Response(renderStream(stored, renderer, x.config.streamFlushMs), { headers: SSE_HEADERS });
}
__name(runStreaming, "runStreaming");

// src/assistants/run-routes.ts
var POLL_HOLD_MS = 2e4;
var pollHeaders = /* @__PURE__ */ __name((run) => isTransient(run.status) ? { "openai-poll-after-ms": String(POLL_AFTER_MS) } : {}, "pollHeaders");
var interrupted = /* @__PURE__ */ __name((threadId) => ({
  op: "runs.interrupt",
  args: { threadId, message: "The run was interrupted before the model's answer could be stored; create a new run." }
}), "interrupted");
async function start2(c, s, object, args, stream, thread) {
  const fresh = args.newThread !== void 0;
  const { value: started2, session } = await s.backend.start(object, "runs.start", args, {
    abandon: interrupted(args.threadId),
    defer: stream,
    fresh
  });
  const execution = executionOf(c, s, started2, session, args.threadId);
  if (stream) return runStreaming(execution, { thread });
  runInBackground(execution);
  return c.json(started2.run, 200, pollHeaders(started2.run));
}
__name(start2, "start");
async function createRun(c) {
  const s = stateRequest(c);
  const { threadId, object } = threadOf(c);
  const body = await readJsonObject(c.req.raw);
  const additionalMessages = parseMessages(body, "additional_messages");
  const assistant = await assistantForRun(s.backend, requiredString(body, "assistant_id"));
  const { template, stream } = parseRun(body, assistant, s.config);
  return start2(c, s, object, { threadId, template, additionalMessages }, stream);
}
__name(createRun, "createRun");
async function createThreadAndRun(c) {
  const s = stateRequest(c);
  const body = await readJsonObject(c.req.raw);
  const threadInput = parseThread(optionalObject(body, "thread") ?? {}, "thread");
  const assistant = await assistantForRun(s.backend, requiredString(body, "assistant_id"));
  const { template, stream } = parseRun(body, assistant, s.config);
  const key = randomChars(OBJECT_KEY_LENGTH);
  const threadId = PREFIX.thread + key;
  const thread = {
    id: threadId,
    object: "thread",
    created_at: Math.floor(Date.now() / 1e3),
    tool_resources: threadInput.tool_resources,
    metadata: threadInput.metadata
  };
  return start2(
    c,
    s,
    objectName.thread(key),
    { threadId, template, additionalMessages: [], newThread: { threadId, ...threadInput } },
    stream,
    thread
  );
}
__name(createThreadAndRun, "createThreadAndRun");
function runArgs(c) {
  const { threadId, object } = threadOf(c);
  const key = stateRequest(c).key("run_id", PREFIX.run, "run");
  return { object, args: { threadId, key, runId: c.req.param("run_id") } };
}
__name(runArgs, "runArgs");
async function retrieveRun(c) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  const waitMs = c.req.header("x-stainless-poll-helper") === "true" ? POLL_HOLD_MS : 0;
  const run = await s.backend.invoke(object, "runs.get", args, { waitMs });
  return c.json(run, 200, pollHeaders(run));
}
__name(retrieveRun, "retrieveRun");
async function listRuns(c) {
  const s = stateRequest(c);
  const { threadId, object } = threadOf(c);
  return c.json(await s.backend.invoke(object, "runs.list", { threadId, query: parsePageQuery(s.url) }));
}
__name(listRuns, "listRuns");
async function modifyRun(c) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  const body = await readJsonObject(c.req.raw);
  const metadata = parseMetadata(body);
  const run = metadata === void 0 ? await s.backend.invoke(object, "runs.get", args) : await s.backend.invoke(object, "runs.update", { ...args, metadata });
  return c.json(run, 200, pollHeaders(run));
}
__name(modifyRun, "modifyRun");
async function cancelRun(c) {
  const { object, args } = runArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "runs.cancel", args));
}
__name(cancelRun, "cancelRun");
async function submitToolOutputs(c) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  const { outputs, stream } = parseToolOutputs(await readJsonObject(c.req.raw));
  const { value: started2, session } = await s.backend.start(
    object,
    "runs.resume",
    { ...args, outputs },
    { abandon: interrupted(args.threadId), defer: stream }
  );
  const execution = executionOf(c, s, started2, session, args.threadId);
  if (stream) return runStreaming(execution, { completedStep: started2.steps.findLast((step) => step.type === "tool_calls") });
  runInBackground(execution);
  return c.json(started2.run, 200, pollHeaders(started2.run));
}
__name(submitToolOutputs, "submitToolOutputs");
async function listRunSteps(c) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  return c.json(await s.backend.invoke(object, "steps.list", { ...args, query: parsePageQuery(s.url) }));
}
__name(listRunSteps, "listRunSteps");
async function retrieveRunStep(c) {
  const { object, args } = runArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "steps.get", { ...args, stepId: c.req.param("step_id") }));
}
__name(retrieveRunStep, "retrieveRunStep");
function executionOf(c, s, started2, session, threadId) {
  return {
    env: s.env,
    config: s.config,
    waitUntil: s.waitUntil,
    started: started2,
    session,
    threadId,
    project: s.backend.project,
    meter: meterOf(c)
  };
}
__name(executionOf, "executionOf");

// src/responses/request.ts
var ROLES2 = ["user", "assistant", "system", "developer"];
function messageContent(value, role, param) {
  const output = role === "assistant";
  const text = /* @__PURE__ */ __name((t) => output ? { type: "output_text", text: t, annotations: [] } : { type: "input_text", text: t }, "text");
  if (typeof value === "string") return [text(value)];
  if (!Array.isArray(value)) throw badRequest(`'${param}' must be a string or an array of content parts.`, param);
  return value.map((raw2, i) => {
    const part = asObject(raw2, `${param}[${i}]`);
    const at = `${param}[${i}]`;
    switch (part.type) {
      case "input_text":
      case "output_text":
        return text(requiredString(part, "text", `${at}.text`));
      case "refusal":
        return text(optionalString(part, "refusal", `${at}.refusal`) ?? "");
      case "input_image": {
        const url = optionalString(part, "image_url", `${at}.image_url`);
        if (!url)
          throw badRequest(
            `'${at}.image_url' is required (a URL or a data: URL); file ids need the Files API, which this proxy does not have.`,
            `${at}.image_url`
          );
        return { type: "input_image", image_url: url, detail: optionalString(part, "detail", `${at}.detail`) ?? "auto" };
      }
      default:
        throw badRequest(`'${at}.type' must be 'input_text', 'input_image' or 'output_text'.`, `${at}.type`);
    }
  });
}
__name(messageContent, "messageContent");
function item(value, param) {
  const raw2 = asObject(value, param);
  const type = raw2.type ?? "message";
  switch (type) {
    case "message": {
      const role = optionalString(raw2, "role", `${param}.role`);
      if (!role || !ROLES2.includes(role))
        throw badRequest(`'${param}.role' must be one of ${ROLES2.map((r) => `'${r}'`).join(", ")}.`, `${param}.role`);
      return {
        type: "message",
        role,
        status: "completed",
        content: messageContent(raw2.content, role, `${param}.content`)
      };
    }
    case "function_call":
      return {
        type: "function_call",
        call_id: requiredString(raw2, "call_id", `${param}.call_id`),
        name: requiredString(raw2, "name", `${param}.name`),
        arguments: optionalString(raw2, "arguments", `${param}.arguments`) ?? "{}",
        status: "completed"
      };
    case "function_call_output": {
      const output = raw2.output;
      const text = typeof output === "string" ? output : Array.isArray(output) ? output.map((p) => String(p?.text ?? "")).join("") : void 0;
      if (text === void 0) throw badRequest(`'${param}.output' must be a string.`, `${param}.output`);
      return {
        type: "function_call_output",
        call_id: requiredString(raw2, "call_id", `${param}.call_id`),
        output: text,
        status: "completed"
      };
    }
    case "reasoning":
      return void 0;
    default:
      throw badRequest(
        `'${param}.type' ${JSON.stringify(type)} is not supported; use messages, function_call and function_call_output items.`,
        `${param}.type`
      );
  }
}
__name(item, "item");
function parseItems(value, param, max) {
  if (typeof value === "string")
    return [{ type: "message", role: "user", status: "completed", content: [{ type: "input_text", text: value }] }];
  if (!Array.isArray(value)) throw badRequest(`'${param}' must be a string or an array of items.`, param);
  if (max !== void 0 && value.length > max) throw badRequest(`'${param}' may hold at most ${max} items, got ${value.length}.`, param);
  return value.flatMap((raw2, i) => item(raw2, `${param}[${i}]`) ?? []);
}
__name(parseItems, "parseItems");
function parseResponseRequest(body, config) {
  const { model, requested } = resolveModel(body, config, config.defaultModel);
  if (body.input === void 0 || body.input === null) throw badRequest("'input' is required.", "input");
  const input = parseItems(body.input, "input");
  const previousResponseId = optionalString(body, "previous_response_id");
  const conversation = body.conversation;
  const conversationId = typeof conversation === "object" && conversation !== null ? optionalString(conversation, "id", "conversation.id") : optionalString(body, "conversation");
  if (previousResponseId && conversationId)
    throw badRequest("'previous_response_id' and 'conversation' cannot be used together.", "conversation");
  if (optionalBoolean(body, "background"))
    throw badRequest("'background' responses are not supported by this proxy.", "background", "unsupported_parameter");
  const tools2 = optionalArray(body, "tools") ?? [];
  const parsedTools = parseFlatTools(tools2);
  const toolChoice = parseToolChoice(body.tool_choice);
  const text = optionalObject(body, "text");
  const format = text ? optionalObject(text, "format", "text.format") : void 0;
  parseResponseFormat(format, "text.format");
  if (format && format.type === void 0)
    throw badRequest("'text.format.type' is required: 'text', 'json_object' or 'json_schema'.", "text.format.type");
  if (format?.type === "json_schema" && (typeof format.name !== "string" || !format.name))
    throw badRequest("'text.format.name' is required for a json_schema format.", "text.format.name");
  const temperature = optionalNumber(body, "temperature", { min: 0, max: 2 });
  const topP = optionalNumber(body, "top_p", { min: 0, max: 1 });
  const maxOutput = optionalNumber(body, "max_output_tokens", { min: 1, max: MAX_OUTPUT_TOKENS, integer: true });
  const parallel = optionalBoolean(body, "parallel_tool_calls");
  const reasoning = optionalObject(body, "reasoning");
  const effort = reasoning ? optionalEnum(reasoning, "effort", REASONING_EFFORTS, "reasoning.effort") : void 0;
  const responseFormat2 = format && format.type !== "text" ? format.type === "json_schema" ? { type: "json_schema", json_schema: { name: format.name, schema: format.schema, strict: format.strict } } : format : void 0;
  return {
    model,
    requestedModel: requested,
    input,
    instructions: optionalString(body, "instructions") ?? null,
    previousResponseId,
    conversationId,
    store: optionalBoolean(body, "store") ?? true,
    stream: optionalBoolean(body, "stream") ?? false,
    chat: {
      // The name as given (none: the default list again, not its first candidate alone).
      model: optionalString(body, "model"),
      temperature,
      top_p: topP,
      max_completion_tokens: maxOutput,
      tools: parsedTools.length ? parsedTools : void 0,
      tool_choice: parsedTools.length ? toolChoice : void 0,
      parallel_tool_calls: parsedTools.length ? parallel : void 0,
      response_format: responseFormat2,
      reasoning_effort: effort,
      prompt_cache_key: optionalString(body, "prompt_cache_key")
    },
    echo: {
      // As the spec has a FunctionTool: checked fields only, never the request's own object (and its extra keys).
      tools: parsedTools.map((tool, i) => {
        const strict = tools2[i].strict;
        return {
          type: "function",
          name: tool.function.name,
          description: tool.function.description || null,
          parameters: tool.function.parameters,
          strict: typeof strict === "boolean" ? strict : null
        };
      }),
      tool_choice: body.tool_choice ?? "auto",
      // The format as the spec has it, from checked fields only.
      text: { format: echoFormat(format) },
      temperature: temperature ?? 1,
      top_p: topP ?? 1,
      max_output_tokens: maxOutput ?? null,
      parallel_tool_calls: parallel ?? true,
      metadata: parseMetadata(body) ?? {},
      user: optionalString(body, "user") ?? null,
      reasoning: { effort: effort ?? null, summary: null }
    }
  };
}
__name(parseResponseRequest, "parseResponseRequest");
function echoFormat(format) {
  if (!format || format.type === "text") return { type: "text" };
  if (format.type === "json_object") return { type: "json_object" };
  const described = typeof format.description === "string" ? { description: format.description } : {};
  return {
    type: "json_schema",
    name: format.name,
    schema: format.schema,
    ...described,
    strict: typeof format.strict === "boolean" ? format.strict : null
  };
}
__name(echoFormat, "echoFormat");

// src/responses/conversation-routes.ts
var MAX_ITEMS_PER_REQUEST = 20;
function conversationOf(c) {
  const conversationId = c.req.param("conversation_id");
  return {
    conversationId,
    object: objectName.responses(stateRequest(c).key("conversation_id", PREFIX.conversation, "conversation", OBJECT_KEY_LENGTH))
  };
}
__name(conversationOf, "conversationOf");
function itemOf(c) {
  const itemId = c.req.param("item_id");
  const key = Object.values(ITEM_PREFIX).map((prefix) => keyOf(itemId, prefix)).find((k) => k !== void 0);
  if (!key) throw notFound(`No item found with id '${itemId}'.`);
  return { ...conversationOf(c), key, itemId };
}
__name(itemOf, "itemOf");
async function createConversation(c) {
  const s = stateRequest(c);
  const body = await readOptionalBody(c.req.raw);
  const items2 = body.items === void 0 || body.items === null ? [] : parseItems(body.items, "items", MAX_ITEMS_PER_REQUEST);
  const key = randomChars(OBJECT_KEY_LENGTH);
  const args = { conversationId: PREFIX.conversation + key, metadata: parseMetadata(body) ?? {}, items: items2 };
  return c.json(await s.backend.invoke(objectName.responses(key), "conversations.create", args, { fresh: true }));
}
__name(createConversation, "createConversation");
async function retrieveConversation(c) {
  const { conversationId, object } = conversationOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "conversations.get", { conversationId }));
}
__name(retrieveConversation, "retrieveConversation");
async function updateConversation(c) {
  const { conversationId, object } = conversationOf(c);
  const metadata = parseMetadata(await readJsonObject(c.req.raw)) ?? {};
  return c.json(await stateRequest(c).backend.invoke(object, "conversations.update", { conversationId, metadata }));
}
__name(updateConversation, "updateConversation");
async function deleteConversation(c) {
  const { conversationId, object } = conversationOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "conversations.delete", { conversationId }));
}
__name(deleteConversation, "deleteConversation");
async function addItems2(c) {
  const { conversationId, object } = conversationOf(c);
  const body = await readJsonObject(c.req.raw);
  const items2 = parseItems(body.items ?? null, "items", MAX_ITEMS_PER_REQUEST);
  return c.json(await stateRequest(c).backend.invoke(object, "items.add", { conversationId, items: items2 }));
}
__name(addItems2, "addItems");
async function listItems(c) {
  const s = stateRequest(c);
  const { conversationId, object } = conversationOf(c);
  return c.json(await s.backend.invoke(object, "items.list", { conversationId, query: parsePageQuery(s.url) }));
}
__name(listItems, "listItems");
async function retrieveItem(c) {
  const { object, ...args } = itemOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "items.get", args));
}
__name(retrieveItem, "retrieveItem");
async function deleteItem(c) {
  const { object, ...args } = itemOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "items.delete", args));
}
__name(deleteItem, "deleteItem");

// src/render/responses-stream.ts
function responseStreamRenderer(setup) {
  let sequence = 0;
  let outputs = 0;
  let message;
  let reasoning;
  const emit = /* @__PURE__ */ __name((type, fields) => `event: ${type}
data: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}

`, "emit");
  const part = /* @__PURE__ */ __name((text) => ({ type: "output_text", annotations: [], logprobs: [], text }), "part");
  const closeMessage = /* @__PURE__ */ __name((final) => {
    if (!message || message.done) return "";
    message.done = true;
    const { id, outputIndex, text } = message;
    const item2 = final ?? { id, type: "message", role: "assistant", status: "completed", content: [part(text)] };
    const finalText = item2.type === "message" && item2.content[0] && "text" in item2.content[0] ? item2.content[0].text : text;
    const at = { item_id: id, output_index: outputIndex, content_index: 0 };
    return emit("response.output_text.done", { ...at, text: finalText, logprobs: [] }) + emit("response.content_part.done", { ...at, part: part(finalText) }) + emit("response.output_item.done", { output_index: outputIndex, item: item2 });
  }, "closeMessage");
  const reasoningPart = /* @__PURE__ */ __name((text) => ({ type: "reasoning_text", text }), "reasoningPart");
  const closeReasoning = /* @__PURE__ */ __name(() => {
    if (!reasoning || reasoning.done) return "";
    reasoning.done = true;
    const { id, outputIndex, text } = reasoning;
    const at = { item_id: id, output_index: outputIndex, content_index: 0 };
    const item2 = { id, type: "reasoning", summary: [], content: [reasoningPart(text)], status: "completed" };
    return emit("response.reasoning_text.done", { ...at, text }) + emit("response.content_part.done", { ...at, part: reasoningPart(text) }) + emit("response.output_item.done", { output_index: outputIndex, item: item2 });
  }, "closeReasoning");
  const placed = /* @__PURE__ */ new Map();
  const place = /* @__PURE__ */ __name((position) => placed.get(position), "place");
  const calls = new ToolCallTracker(
    (call, args) => {
      const { outputIndex, id } = place(call.position);
      const added = emit("response.output_item.added", {
        output_index: outputIndex,
        item: { id, type: "function_call", status: "in_progress", arguments: "", call_id: call.id ?? "", name: call.name }
      });
      return added + (args ? emit("response.function_call_arguments.delta", { item_id: id, output_index: outputIndex, delta: args }) : "");
    },
    (call, args) => emit("response.function_call_arguments.delta", {
      item_id: place(call.position).id,
      output_index: place(call.position).outputIndex,
      delta: args
    }),
    (call) => {
      const closed = closeReasoning() + closeMessage();
      placed.set(call.position, { outputIndex: outputs++, id: setup.ids.functionCallId(call.position) });
      return closed;
    }
  );
  const closing = /* @__PURE__ */ __name((final) => {
    let out = closeReasoning() + calls.openRemaining();
    out += closeMessage(final.output.find((item2) => item2.id === message?.id));
    for (const call of calls.calls.values()) {
      const { outputIndex, id } = place(call.position);
      const item2 = final.output.find((i) => i.id === id) ?? {
        id,
        type: "function_call",
        call_id: call.id ?? "",
        name: call.name ?? "",
        arguments: call.args,
        status: "completed"
      };
      const args = item2.type === "function_call" ? item2.arguments : call.args;
      out += emit("response.function_call_arguments.done", { item_id: id, output_index: outputIndex, arguments: args, name: call.name }) + emit("response.output_item.done", { output_index: outputIndex, item: item2 });
    }
    const lifecycle = final.status === "incomplete" ? "response.incomplete" : final.status === "failed" ? "response.failed" : "response.completed";
    return out + emit(lifecycle, { response: final });
  }, "closing");
  return {
    start: /* @__PURE__ */ __name(() => emit("response.created", { response: setup.initial }) + emit("response.in_progress", { response: setup.initial }), "start"),
    event(event) {
      switch (event.type) {
        case "reasoning": {
          if (!event.text || message || calls.calls.size || reasoning?.done) return "";
          let out = "";
          if (!reasoning) {
            reasoning = { outputIndex: outputs++, id: setup.ids.reasoningId(), text: "", done: false };
            const at = { item_id: reasoning.id, output_index: reasoning.outputIndex, content_index: 0 };
            out += emit("response.output_item.added", {
              output_index: reasoning.outputIndex,
              item: { id: reasoning.id, type: "reasoning", summary: [], content: [], status: "in_progress" }
            });
            out += emit("response.content_part.added", { ...at, part: reasoningPart("") });
          }
          reasoning.text += event.text;
          return out + emit("response.reasoning_text.delta", {
            item_id: reasoning.id,
            output_index: reasoning.outputIndex,
            content_index: 0,
            delta: event.text
          });
        }
        case "text": {
          if (!event.text || calls.calls.size) return "";
          let out = closeReasoning();
          if (!message) {
            message = { outputIndex: outputs++, id: setup.ids.messageId(), text: "", done: false };
            const at = { item_id: message.id, output_index: message.outputIndex, content_index: 0 };
            out += emit("response.output_item.added", {
              output_index: message.outputIndex,
              item: { id: message.id, type: "message", status: "in_progress", role: "assistant", content: [] }
            });
            out += emit("response.content_part.added", { ...at, part: part("") });
          }
          message.text += event.text;
          return out + emit("response.output_text.delta", {
            item_id: message.id,
            output_index: message.outputIndex,
            content_index: 0,
            delta: event.text,
            logprobs: []
          });
        }
        case "tool":
          return calls.event(event);
        default:
          return "";
      }
    },
    ...storedEnding(
      setup.finished,
      closing,
      (error) => emit("error", { code: error.code ?? error.type, message: error.message, param: error.param })
    )
  };
}
__name(responseStreamRenderer, "responseStreamRenderer");

// src/responses/object.ts
var OutputIds = class {
  constructor(floor) {
    this.floor = floor;
  }
  static {
    __name(this, "OutputIds");
  }
  message;
  reasoning;
  calls = /* @__PURE__ */ new Map();
  next(prefix) {
    return prefix + orderedKey(Date.now(), this.floor);
  }
  messageId() {
    return this.message ??= this.next(ITEM_PREFIX.message);
  }
  reasoningId() {
    return this.reasoning ??= this.next(ITEM_PREFIX.reasoning);
  }
  functionCallId(index) {
    let id = this.calls.get(index);
    if (!id) this.calls.set(index, id = this.next(ITEM_PREFIX.function_call));
    return id;
  }
  /** Input items get ids before any output item, so a conversation lists them first. */
  inputIds(items2) {
    return items2.map((item2) => ({ ...item2, id: this.next(ITEM_PREFIX[item2.type]) }));
  }
};
function responseObject(shell, status, output, extra = {}) {
  const r = shell.request;
  return {
    id: shell.id,
    object: "response",
    created_at: shell.created_at,
    status,
    background: false,
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: r.instructions,
    max_output_tokens: r.echo.max_output_tokens,
    max_tool_calls: null,
    model: r.requestedModel,
    output,
    parallel_tool_calls: r.echo.parallel_tool_calls,
    previous_response_id: r.previousResponseId ?? null,
    conversation: shell.conversationId ? { id: shell.conversationId } : null,
    reasoning: r.echo.reasoning ?? { effort: null, summary: null },
    service_tier: "default",
    store: r.store,
    temperature: r.echo.temperature,
    text: r.echo.text,
    tool_choice: r.echo.tool_choice,
    tools: r.echo.tools,
    top_logprobs: 0,
    top_p: r.echo.top_p,
    truncation: "disabled",
    // The spec types `user` as a string and `usage` as an object: left out, not null, until there is one.
    ...r.echo.user !== null ? { user: r.echo.user } : {},
    metadata: r.echo.metadata,
    ...extra
  };
}
__name(responseObject, "responseObject");
function outputItems(result, ids) {
  const items2 = [];
  const incomplete = result.finishReason === "length";
  if (result.reasoning) {
    items2.push({
      id: ids.reasoningId(),
      type: "reasoning",
      summary: [],
      content: [{ type: "reasoning_text", text: result.reasoning }],
      status: "completed"
    });
  }
  if (result.text || !result.toolCalls.length) {
    items2.push({
      id: ids.messageId(),
      type: "message",
      role: "assistant",
      status: incomplete ? "incomplete" : "completed",
      content: [{ type: "output_text", text: result.text, annotations: [], logprobs: [] }]
    });
  }
  result.toolCalls.forEach(
    (call, index) => items2.push({
      id: ids.functionCallId(index),
      type: "function_call",
      call_id: call.id,
      name: call.name,
      arguments: call.arguments,
      status: "completed"
    })
  );
  return items2;
}
__name(outputItems, "outputItems");
function finishedResponse(shell, result, ids) {
  const incomplete = result.finishReason === "length";
  const u = result.usage;
  return responseObject(shell, incomplete ? "incomplete" : "completed", outputItems(result, ids), {
    completed_at: incomplete ? null : Math.floor(Date.now() / 1e3),
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    usage: {
      input_tokens: u.prompt_tokens,
      input_tokens_details: { cached_tokens: u.prompt_tokens_details?.cached_tokens ?? 0, cache_write_tokens: 0 },
      output_tokens: u.completion_tokens,
      output_tokens_details: { reasoning_tokens: u.completion_tokens_details?.reasoning_tokens ?? 0 },
      total_tokens: u.total_tokens
    }
  });
}
__name(finishedResponse, "finishedResponse");
function failedResponse(shell, error) {
  return responseObject(shell, "failed", [], {
    error: { code: error.status === 429 ? "rate_limit_exceeded" : "server_error", message: error.message }
  });
}
__name(failedResponse, "failedResponse");

// src/responses/routes.ts
async function createResponse(c) {
  const s = stateRequest(c);
  const request = parseResponseRequest(await readJsonObject(c.req.raw), s.config);
  const fresh = !request.conversationId && !request.previousResponseId;
  const objectKey = request.conversationId ? requireKey(request.conversationId, PREFIX.conversation, "conversation", OBJECT_KEY_LENGTH) : request.previousResponseId ? responseObjectKey(request.previousResponseId) : randomChars(OBJECT_KEY_LENGTH);
  const object = objectName.responses(objectKey);
  let context2 = [];
  let floor;
  let session;
  if (!fresh) {
    const args = { previousResponseId: request.previousResponseId, conversationId: request.conversationId };
    if (request.store)
      ({
        value: { items: context2, floor },
        session
      } = await s.backend.start(object, "responses.context", args));
    else ({ items: context2, floor } = await s.backend.invoke(object, "responses.context", args));
  }
  const ids = new OutputIds(floor);
  const input = ids.inputIds(request.input);
  const shell = {
    id: responseId(objectKey),
    created_at: Math.floor(Date.now() / 1e3),
    request,
    conversationId: request.conversationId
  };
  const save2 = /* @__PURE__ */ __name(async (response) => {
    if (!request.store) return;
    const args = { response, input, inConversation: !!request.conversationId };
    if (!session) return void await s.backend.invoke(object, "responses.save", args, { fresh });
    try {
      await session.finish("responses.save", args);
    } finally {
      session.close();
    }
  }, "save");
  try {
    const messages = [
      ...request.instructions ? [{ role: "system", content: request.instructions }] : [],
      ...itemsToChat(context2),
      ...itemsToChat(input)
    ];
    const chat = parseChatRequest({ ...request.chat, messages }, s.config, request.stream);
    const call = {
      kind: scopedKind(s.config, s.backend.project, "responses"),
      model: chat.model,
      request: chat.modelRequest,
      inputs: chat.inputs,
      sampling: chat.sampling,
      meter: meterOf(c)
    };
    if (!request.stream) {
      const { result } = await answerText(s.env, s.config, s.waitUntil, call);
      const response = finishedResponse(shell, result, ids);
      await save2(response);
      return c.json(response);
    }
    let finished;
    const store2 = /* @__PURE__ */ __name(async (end) => {
      const response = "error" in end ? failedResponse(shell, end.error) : finishedResponse(shell, end.result, ids);
      await save2(response);
      finished = response;
    }, "store");
    let events;
    try {
      events = settledToolCalls((await streamText(s.env, s.config, s.waitUntil, call)).events);
    } catch (error) {
      events = eventsFailing(error);
    }
    const stored = readToTheEnd(events, chat.sampling.maxTokens, s.waitUntil, store2);
    const renderer = responseStreamRenderer({ initial: responseObject(shell, "in_progress", []), ids, finished: /* @__PURE__ */ __name(() => finished, "finished") });
    return new Response(renderStream(stored, renderer, s.config.streamFlushMs), { headers: SSE_HEADERS });
  } catch (error) {
    session?.close();
    throw error;
  }
}
__name(createResponse, "createResponse");
function responseArgs(c) {
  const id = c.req.param("response_id");
  return { object: objectName.responses(responseObjectKey(id)), id };
}
__name(responseArgs, "responseArgs");
async function retrieveResponse(c) {
  const s = stateRequest(c);
  if (s.url.searchParams.get("stream") === "true")
    throw badRequest("Streaming a stored response again is not supported by this proxy.", "stream", "unsupported_parameter");
  const { object, id } = responseArgs(c);
  return c.json(await s.backend.invoke(object, "responses.get", { id }));
}
__name(retrieveResponse, "retrieveResponse");
async function deleteResponse(c) {
  const { object, id } = responseArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "responses.delete", { id }));
}
__name(deleteResponse, "deleteResponse");
async function listInputItems(c) {
  const s = stateRequest(c);
  const { object, id } = responseArgs(c);
  return c.json(await s.backend.invoke(object, "responses.inputItems", { id, query: parsePageQuery(s.url) }));
}
__name(listInputItems, "listInputItems");
async function cancelResponse(c) {
  const { object, id } = responseArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "responses.cancel", { id }));
}
__name(cancelResponse, "cancelResponse");

// src/usage/budgets.ts
var LIMIT_NAMES = ["neurons", "requests", "tokens", "requests_per_minute"];
var EXAMPLE = `e.g. {"account": {"neurons": 9000}, "projects": {"team": {"neurons": 3000, "requests": 2000}, "*": {"neurons": 500}}}`;
function parseLimits(value, where, allowed) {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new ConfigError("BUDGETS", `${where} must be an object of limits; ${EXAMPLE}.`);
  const limits = {};
  for (const [name, limit] of Object.entries(value)) {
    if (!allowed.includes(name)) {
      throw new ConfigError("BUDGETS", `${where} has "${name}"; the limits are ${allowed.join(", ")}.`);
    }
    if (typeof limit !== "number" || !Number.isFinite(limit) || limit < 0) {
      throw new ConfigError("BUDGETS", `${where}.${name} is ${JSON.stringify(limit)}; expected a number \u2265 0.`);
    }
    limits[name] = limit;
  }
  return limits;
}
__name(parseLimits, "parseLimits");
function parseBudgets(text) {
  if (!text?.trim()) return void 0;
  let parsed2;
  try {
    parsed2 = JSON.parse(text);
  } catch (error) {
    throw new ConfigError("BUDGETS", `is not valid JSON (${error.message}); ${EXAMPLE}.`);
  }
  if (!parsed2 || typeof parsed2 !== "object" || Array.isArray(parsed2))
    throw new ConfigError("BUDGETS", `must be a JSON object; ${EXAMPLE}.`);
  const budgets = { projects: /* @__PURE__ */ new Map() };
  for (const [key, value] of Object.entries(parsed2)) {
    if (key === "account") budgets.accountNeurons = parseLimits(value, "account", ["neurons"]).neurons;
    else if (key === "projects") {
      if (!value || typeof value !== "object" || Array.isArray(value))
        throw new ConfigError("BUDGETS", `projects must be an object of project \u2192 limits; ${EXAMPLE}.`);
      for (const [project, limits] of Object.entries(value)) {
        const parsedLimits = parseLimits(limits, `projects.${project}`, LIMIT_NAMES);
        if (project === "*") budgets.others = parsedLimits;
        else budgets.projects.set(project, parsedLimits);
      }
    } else throw new ConfigError("BUDGETS", `has "${key}"; expected "account" and "projects"; ${EXAMPLE}.`);
  }
  return budgets;
}
__name(parseBudgets, "parseBudgets");
function limitsFor(budgets, project) {
  return budgets?.projects.get(project) ?? budgets?.others ?? {};
}
__name(limitsFor, "limitsFor");
var isLimited = /* @__PURE__ */ __name((budgets, project) => budgets !== void 0 && (budgets.accountNeurons !== void 0 || Object.keys(limitsFor(budgets, project)).length > 0), "isLimited");
function decide(limits, accountNeurons, spent, nowMs) {
  const reset = resetText(msToMidnight(nowMs));
  const headers = {};
  const describe3 = /* @__PURE__ */ __name((name, limit, used, resetAfter = reset) => {
    if (limit === void 0) return;
    headers[`x-ratelimit-limit-${name}`] = String(limit);
    headers[`x-ratelimit-remaining-${name}`] = String(Math.max(0, Math.floor(limit - used)));
    headers[`x-ratelimit-reset-${name}`] = resetAfter;
  }, "describe");
  describe3("requests", limits.requests, spent.requests + 1);
  describe3("tokens", limits.tokens, spent.tokens);
  describe3("neurons", limits.neurons, spent.neurons);
  const secondsToMidnight = String(Math.ceil(msToMidnight(nowMs) / 1e3));
  const quota = /* @__PURE__ */ __name((what) => ({
    ok: false,
    headers: { ...headers, "retry-after": secondsToMidnight, "x-should-retry": "false" },
    error: { status: 429, type: "insufficient_quota", code: "insufficient_quota", message: `${what} It resets at 00:00 UTC.` }
  }), "quota");
  if (accountNeurons !== void 0 && spent.accountNeurons >= accountNeurons) {
    return quota(
      `The account's daily budget of ${accountNeurons} neurons is spent (an estimated ${Math.round(spent.accountNeurons)} used today by all projects), so every project is paused before Workers AI's own limit.`
    );
  }
  if (limits.neurons !== void 0 && spent.neurons >= limits.neurons)
    return quota(`This project's daily budget of ${limits.neurons} neurons is spent (an estimated ${Math.round(spent.neurons)} used).`);
  if (limits.tokens !== void 0 && spent.tokens >= limits.tokens)
    return quota(`This project's daily budget of ${limits.tokens} tokens is spent (${spent.tokens} used).`);
  if (limits.requests !== void 0 && spent.requests >= limits.requests)
    return quota(`This project's daily budget of ${limits.requests} requests is spent.`);
  if (limits.requests_per_minute !== void 0 && spent.minuteRequests >= limits.requests_per_minute) {
    const secondsToNextMinute = 60 - Math.floor(nowMs % 6e4 / 1e3);
    return {
      ok: false,
      headers: { ...headers, "retry-after": String(secondsToNextMinute) },
      error: {
        status: 429,
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
        message: `This project is limited to ${limits.requests_per_minute} requests per minute; retry in ${secondsToNextMinute} s.`
      }
    };
  }
  return { ok: true, headers };
}
__name(decide, "decide");

// src/usage/settings.ts
var cachedSource;
var cached3;
function usageOff(env) {
  const value = env.USAGE?.trim().toLowerCase() ?? "";
  if (value !== "" && value !== "on" && value !== "off")
    throw new ConfigError("USAGE", `is "${env.USAGE}"; expected "on" (the default) or "off".`);
  return value === "off";
}
__name(usageOff, "usageOff");
function budgetsOf(env) {
  if (env.BUDGETS === cachedSource) return cached3;
  const budgets = parseBudgets(env.BUDGETS);
  if (budgets && usageOff(env))
    throw new ConfigError("BUDGETS", "is set but USAGE is off: budgets are counted from the recorded usage. Unset one of them.");
  cachedSource = env.BUDGETS;
  cached3 = budgets;
  return budgets;
}
__name(budgetsOf, "budgetsOf");
function isAdmin(request, env) {
  if (!env.ADMIN_KEYS?.trim()) return false;
  try {
    authorize(request, env.ADMIN_KEYS);
    return true;
  } catch {
    return false;
  }
}
__name(isAdmin, "isAdmin");

// src/usage/budgets-api.ts
var remaining = /* @__PURE__ */ __name((limit, used) => limit === void 0 ? null : Math.max(0, limit - used), "remaining");
async function getBudgets(c) {
  const nowMs = Date.now();
  const budgets = budgetsOf(c.env);
  const ledger = requireLedger(c.env);
  const admin = c.get("admin") === true;
  const projects = admin ? [.../* @__PURE__ */ new Set([...await ledger.usageProjects(utcDay(nowMs - 30 * 864e5), nowMs), ...budgets?.projects.keys() ?? []])].sort() : [principal(c).project];
  const spent = await ledger.spentToday(projects, nowMs);
  const accountUsed = spent[0]?.accountNeurons ?? 0;
  return c.json({
    object: "organization.budgets",
    date: utcDay(nowMs),
    resets_at: dayStartSeconds(utcDay(nowMs)) + 86400,
    resets_in_seconds: Math.ceil(msToMidnight(nowMs) / 1e3),
    account: admin ? {
      neurons_limit: budgets?.accountNeurons ?? null,
      neurons_used: round(accountUsed),
      neurons_remaining: nullable(remaining(budgets?.accountNeurons, accountUsed))
    } : null,
    projects: projects.map((project, i) => {
      const limits = limitsFor(budgets, project);
      const s = spent[i];
      return {
        project_id: project,
        limits: {
          neurons: limits.neurons ?? null,
          requests: limits.requests ?? null,
          tokens: limits.tokens ?? null,
          requests_per_minute: limits.requests_per_minute ?? null
        },
        used: { neurons: round(s.neurons), requests: s.requests, tokens: s.tokens },
        remaining: {
          neurons: nullable(remaining(limits.neurons, s.neurons)),
          requests: remaining(limits.requests, s.requests),
          tokens: remaining(limits.tokens, s.tokens)
        }
      };
    })
  });
}
__name(getBudgets, "getBudgets");
var round = /* @__PURE__ */ __name((x) => Math.round(x * 100) / 100, "round");
var nullable = /* @__PURE__ */ __name((x) => x === null ? null : round(x), "nullable");

// src/usage/dashboard-script.ts
var DASHBOARD_SCRIPT = `"use strict";
(function () {
  var STORE = "cf-ai-proxy-key";
  var KINDS = ["completions", "embeddings", "images", "audio_speeches", "audio_transcriptions"];
  var DAYS = 30;
  var COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  var SVG = "http://www.w3.org/2000/svg";
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (x) { return Math.round(x).toLocaleString("en-US"); };

  function status(text, isError) { $("status").textContent = text; $("status").className = isError ? "error" : "muted"; }

  function api(path) {
    return fetch(path, { headers: { authorization: "Bearer " + sessionStorage.getItem(STORE) } }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) { var e = new Error((body && body.error && body.error.message) || ("HTTP " + res.status)); e.status = res.status; throw e; }
        return body;
      });
    });
  }

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function dayLabel(seconds) { return new Date(seconds * 1000).toISOString().slice(5, 10); }

  /** Stacked bars: series = [{name, color, values[]}], one value per day; an optional horizontal line. */
  function barChart(target, days, series, line, lineLabel) {
    var w = 760, h = 240, left = 56, bottom = 28, top = 12;
    var totals = days.map(function (_, i) { return series.reduce(function (s, x) { return s + x.values[i]; }, 0); });
    var peak = Math.max(1, line || 0, Math.max.apply(null, totals));
    // Gridlines at a round step (1, 2 or 5 times a power of ten), at most five of them.
    var magnitude = Math.pow(10, Math.floor(Math.log10(peak / 4)));
    var step = [1, 2, 5, 10].map(function (m) { return m * magnitude; }).find(function (s) { return peak / s <= 5; });
    var max = Math.ceil(peak / step) * step;
    var bw = (w - left - 8) / days.length;
    var y = function (v) { return top + (h - top - bottom) * (1 - v / max); };
    var svg = el("svg", { viewBox: "0 0 " + w + " " + h, role: "img" });
    for (var v = 0; v <= max + step / 2; v += step) {
      svg.appendChild(el("line", { x1: left, x2: w - 8, y1: y(v), y2: y(v), stroke: "#eee" }));
      svg.appendChild(el("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 10, fill: "#666" }, fmt(v)));
    }
    days.forEach(function (d, i) {
      var base = 0;
      series.forEach(function (s) {
        var v = s.values[i];
        if (v > 0) {
          var rect = el("rect", { x: left + i * bw + 1, y: y(base + v), width: Math.max(1, bw - 2), height: Math.max(0.5, y(base) - y(base + v)), fill: s.color });
          rect.appendChild(el("title", {}, dayLabel(d) + " " + s.name + ": " + fmt(v)));
          svg.appendChild(rect);
        }
        base += v;
      });
      if (i % 5 === 0 || i === days.length - 1) svg.appendChild(el("text", { x: left + i * bw + bw / 2, y: h - 10, "text-anchor": "middle", "font-size": 10, fill: "#666" }, dayLabel(d)));
    });
    if (line) {
      svg.appendChild(el("line", { x1: left, x2: w - 8, y1: y(line), y2: y(line), stroke: "#b00020", "stroke-dasharray": "6 4", "data-testid": "budget-line" }));
      svg.appendChild(el("text", { x: w - 10, y: y(line) - 4, "text-anchor": "end", "font-size": 10, fill: "#b00020" }, lineLabel + " " + fmt(line)));
    }
    target.replaceChildren(svg);
  }

  function render(budgets, pages, start) {
    var admin = budgets.account !== null;
    var days = [];
    for (var i = 0; i < DAYS; i++) days.push(start + i * 86400);
    var byModel = {}, requests = days.map(function () { return 0; }), errors = requests.slice(), hits = 0, total = 0, projectNeurons = {};
    pages.forEach(function (page) {
      page.data.forEach(function (bucket) {
        var i = days.indexOf(bucket.start_time);
        if (i < 0) return;
        bucket.results.forEach(function (r) {
          var model = r.model || "(all)";
          if (!byModel[model]) byModel[model] = days.map(function () { return 0; });
          byModel[model][i] += r.neurons || 0;
          requests[i] += r.num_model_requests || 0;
          errors[i] += r.errors || 0;
          hits += r.cache_hits || 0;
          total += r.num_model_requests || 0;
          if (r.project_id) projectNeurons[r.project_id] = (projectNeurons[r.project_id] || 0) + (r.neurons || 0);
        });
      });
    });
    var models = Object.keys(byModel).sort();
    var series = models.map(function (m, k) { return { name: m, color: COLORS[k % COLORS.length], values: byModel[m] }; });
    var neurons = series.reduce(function (s, x) { return s + x.values.reduce(function (a, b) { return a + b; }, 0); }, 0);
    var today = series.reduce(function (s, x) { return s + x.values[DAYS - 1]; }, 0);
    var mine = budgets.projects[0];
    var budgetLine = admin ? budgets.account.neurons_limit : mine && mine.limits.neurons;
    var left = admin ? budgets.account.neurons_remaining : mine && mine.remaining.neurons;
    $("scope").textContent = admin ? "All projects (admin key)" : "Project " + (mine ? mine.project_id : "?");
    document.querySelector("[data-testid=total-neurons]").textContent = fmt(neurons);
    document.querySelector("[data-testid=today-neurons]").textContent = fmt(today);
    document.querySelector("[data-testid=remaining-neurons]").textContent = left === null || left === undefined ? "no budget" : fmt(left);
    document.querySelector("[data-testid=total-requests]").textContent = fmt(requests.reduce(function (a, b) { return a + b; }, 0));
    document.querySelector("[data-testid=total-errors]").textContent = fmt(errors.reduce(function (a, b) { return a + b; }, 0));
    document.querySelector("[data-testid=cache-hit-rate]").textContent = total ? (100 * hits / total).toFixed(1) + "%" : "\u2013";
    barChart($("neurons-chart"), days, series, budgetLine, admin ? "account guard" : "daily budget");
    var legend = $("neurons-legend");
    legend.replaceChildren();
    series.forEach(function (s) {
      var item = document.createElement("span");
      var swatch = document.createElement("i");
      swatch.style.background = s.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s.name));
      legend.appendChild(item);
    });
    barChart($("requests-chart"), days, [
      { name: "answered", color: "#4e79a7", values: requests.map(function (r, i) { return r - errors[i]; }) },
      { name: "errors", color: "#e15759", values: errors },
    ]);
    $("projects").hidden = !admin;
    var rows = $("project-rows");
    rows.replaceChildren();
    if (admin) budgets.projects.forEach(function (p) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-project", p.project_id);
      [p.project_id, fmt(p.used.neurons), p.limits.neurons === null ? "\u2013" : fmt(p.limits.neurons), p.remaining.neurons === null ? "\u2013" : fmt(p.remaining.neurons),
        fmt(p.used.requests), fmt(projectNeurons[p.project_id] || 0)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    $("report").hidden = false;
    status("Updated " + new Date().toLocaleTimeString() + ". Neurons are estimated from the catalogue's prices.");
  }

  function load() {
    $("signin").hidden = true;
    status("Loading\u2026");
    var now = Math.floor(Date.now() / 1000);
    var start = Math.floor(now / 86400) * 86400 - (DAYS - 1) * 86400;
    api("/v1/organization/budgets").then(function (budgets) {
      var group = budgets.account !== null ? "&group_by=model&group_by=project_id" : "&group_by=model";
      return Promise.all(KINDS.map(function (kind) {
        return api("/v1/organization/usage/" + kind + "?start_time=" + start + "&bucket_width=1d&limit=" + DAYS + group);
      })).then(function (pages) { render(budgets, pages, start); });
    }).catch(function (error) {
      if (error.status === 401) { sessionStorage.removeItem(STORE); $("signin").hidden = false; }
      status(error.message, true);
    });
  }

  $("signin").addEventListener("submit", function (event) {
    event.preventDefault();
    var key = $("key").value.trim();
    if (!key) return;
    sessionStorage.setItem(STORE, key);
    $("key").value = "";
    load();
  });
  $("signout").addEventListener("click", function () {
    sessionStorage.removeItem(STORE);
    $("report").hidden = true;
    $("signin").hidden = false;
    status("The key is forgotten.");
  });
  if (sessionStorage.getItem(STORE)) load(); else { $("signin").hidden = false; status(""); }
})();
`;

// src/usage/dashboard.ts
var PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usage \u2014 OpenAI-compatible API on Workers AI</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #ddd;border-radius:8px;padding:.6rem .9rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}.muted{color:#666}.error{color:#b00020}
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
svg{max-width:100%;height:auto}button{font:inherit}
</style></head><body>
<h1>Usage</h1>
<form id="signin" hidden><p>Type one of this proxy's API keys (an admin key shows every project). It is kept in this tab only.</p>
<input id="key" type="password" autocomplete="off" size="40" aria-label="API key"> <button type="submit">Show usage</button></form>
<p id="status" class="muted"></p>
<main id="report" hidden>
<p><span id="scope"></span> \xB7 <button id="signout" type="button">Forget the key</button></p>
<div class="cards">
<div class="card">Neurons, 30 days<b data-testid="total-neurons"></b></div>
<div class="card">Neurons today<b data-testid="today-neurons"></b></div>
<div class="card">Left today<b data-testid="remaining-neurons"></b></div>
<div class="card">Requests, 30 days<b data-testid="total-requests"></b></div>
<div class="card">Errors, 30 days<b data-testid="total-errors"></b></div>
<div class="card">Cache hit rate<b data-testid="cache-hit-rate"></b></div>
</div>
<h2>Neurons per day, by model</h2><div id="neurons-chart"></div><div id="neurons-legend" class="legend"></div>
<h2>Requests and errors per day</h2><div id="requests-chart"></div>
<section id="projects" hidden><h2>Projects today</h2><table><thead><tr><th>project</th><th>neurons used</th><th>neuron budget</th><th>left</th><th>requests</th><th>30-day neurons</th></tr></thead><tbody id="project-rows"></tbody></table></section>
</main>
<script src="/dashboard.js"><\/script>
</body></html>
`;
var SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store"
};
function dashboardPage(c) {
  return c.body(PAGE, 200, { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS });
}
__name(dashboardPage, "dashboardPage");
function dashboardScript(c) {
  return c.body(DASHBOARD_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8", ...SECURITY_HEADERS });
}
__name(dashboardScript, "dashboardScript");

// src/usage/middleware.ts
var METERED = [
  [/^\/v1\/chat\/completions$/, "completions"],
  [/^\/v1\/completions$/, "completions"],
  [/^\/v1\/responses$/, "completions"],
  [/^\/v1\/threads\/runs$/, "completions"],
  [/^\/v1\/threads\/[^/]+\/runs(?:\/[^/]+\/submit_tool_outputs)?$/, "completions"],
  [/^\/v1\/embeddings$/, "embeddings"],
  [/^\/v1\/images\/generations$/, "images"],
  [/^\/v1\/audio\/speech$/, "audio_speeches"],
  [/^\/v1\/audio\/transcriptions$/, "audio_transcriptions"]
];
function meteredKind(method, path) {
  if (method !== "POST") return void 0;
  return METERED.find(([pattern]) => pattern.test(path))?.[1];
}
__name(meteredKind, "meteredKind");
async function metering(c, next) {
  const kind = meteredKind(c.req.method, new URL(c.req.url).pathname);
  if (!kind) return next();
  const { project, name } = principal(c);
  const budgets = budgetsOf(c.env);
  let headers = {};
  if (isLimited(budgets, project)) {
    const admission = await requireLedger(c.env).admitUsage({
      project,
      limits: limitsFor(budgets, project),
      accountNeurons: budgets?.accountNeurons,
      nowMs: Date.now()
    });
    headers = admission.headers;
    if (!admission.ok) {
      const e = admission.error;
      throw new ApiError(e.status, e.message, e.type, null, e.code, headers);
    }
  }
  const meter = ledgerOf(c.env) && !usageOff(c.env) ? new Meter(c.env, (p) => c.executionCtx.waitUntil(p), kind, project, name) : void 0;
  c.set("meter", meter);
  await next();
  meter?.close(c.res.status);
  for (const [key, value] of Object.entries(headers)) c.res.headers.set(key, value);
}
__name(metering, "metering");

// src/usage/usage-api.ts
var GROUP_FIELDS = ["project_id", "api_key_id", "model"];
var MAX_BUCKETS = 31;
var DEFAULT_BUCKETS = 7;
function listParam(url, name) {
  const values = [...url.searchParams.getAll(name), ...url.searchParams.getAll(`${name}[]`)].flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : void 0;
}
__name(listParam, "listParam");
function intParam(url, name) {
  const raw2 = url.searchParams.get(name);
  if (raw2 === null) return void 0;
  if (!/^\d{1,12}$/.test(raw2))
    throw badRequest(`${name} must be a whole number (Unix seconds for times), got "${raw2.slice(0, 40)}".`, name);
  return Number(raw2);
}
__name(intParam, "intParam");
function parseUsageQuery(kindText, url, nowMs) {
  if (!USAGE_KINDS.includes(kindText)) {
    throw new ApiError(
      404,
      `There is no usage endpoint "${kindText}"; this proxy has ${USAGE_KINDS.join(", ")}.`,
      "invalid_request_error",
      null,
      "unknown_route"
    );
  }
  const start3 = intParam(url, "start_time");
  if (start3 === void 0) throw badRequest("start_time is required (Unix seconds).", "start_time");
  const end = intParam(url, "end_time") ?? Math.floor(nowMs / 1e3);
  if (end <= start3) throw badRequest("end_time must be after start_time.", "end_time");
  const width = url.searchParams.get("bucket_width") ?? "1d";
  if (width !== "1d")
    throw badRequest(`bucket_width "${width.slice(0, 10)}" is not supported: this proxy keeps daily sums, so only "1d".`, "bucket_width");
  const limit = intParam(url, "limit") ?? DEFAULT_BUCKETS;
  if (limit < 1 || limit > MAX_BUCKETS) throw badRequest(`limit must be from 1 to ${MAX_BUCKETS} for bucket_width 1d.`, "limit");
  const groupBy = listParam(url, "group_by") ?? [];
  for (const g of groupBy) {
    if (!GROUP_FIELDS.includes(g))
      throw badRequest(`group_by "${g.slice(0, 40)}" is not supported; use ${GROUP_FIELDS.join(", ")}.`, "group_by");
  }
  const allDays = daysBetween(start3, end);
  const page = url.searchParams.get("page");
  let from = 0;
  if (page !== null) {
    const day = /^page_(\d{4}-\d{2}-\d{2})$/.exec(page)?.[1];
    from = day ? allDays.indexOf(day) : -1;
    if (from < 0) throw badRequest("page is not a cursor from this query's next_page.", "page");
  }
  return {
    kind: kindText,
    days: allDays.slice(from, from + limit),
    allDays,
    limit,
    groupBy,
    projects: listParam(url, "project_ids"),
    keyNames: listParam(url, "api_key_ids"),
    models: listParam(url, "models")
  };
}
__name(parseUsageQuery, "parseUsageQuery");
var n = /* @__PURE__ */ __name((v) => Number(v ?? 0), "n");
function resultOf(kind, row) {
  const base = {
    num_model_requests: n(row.requests),
    project_id: row.project,
    user_id: null,
    api_key_id: row.key_name,
    model: row.model,
    neurons: Math.round(n(row.neurons) * 100) / 100,
    cache_hits: n(row.cache_hits),
    neurons_saved: Math.round(n(row.neurons_saved) * 100) / 100,
    errors: n(row.errors)
  };
  switch (kind) {
    case "completions":
      return {
        object: "organization.usage.completions.result",
        input_tokens: n(row.input_tokens),
        output_tokens: n(row.output_tokens),
        input_cached_tokens: n(row.cached_tokens),
        input_uncached_tokens: n(row.input_tokens) - n(row.cached_tokens),
        input_audio_tokens: 0,
        output_audio_tokens: 0,
        output_reasoning_tokens: n(row.reasoning_tokens),
        batch: null,
        ...base
      };
    case "embeddings":
      return { object: "organization.usage.embeddings.result", input_tokens: n(row.input_tokens), ...base };
    case "images":
      return { object: "organization.usage.images.result", images: n(row.images), source: null, size: null, ...base };
    case "audio_speeches":
      return { object: "organization.usage.audio_speeches.result", characters: n(row.characters), ...base };
    case "audio_transcriptions":
      return { object: "organization.usage.audio_transcriptions.result", seconds: Math.round(n(row.audio_seconds)), ...base };
  }
}
__name(resultOf, "resultOf");
function visibleProjects(admin, own, asked) {
  if (admin) return asked;
  return asked ? asked.filter((p) => p === own) : [own ?? ""];
}
__name(visibleProjects, "visibleProjects");
async function getUsage(c) {
  const url = new URL(c.req.url);
  const nowMs = Date.now();
  const q = parseUsageQuery(c.req.param("kind") ?? "", url, nowMs);
  const admin = c.get("admin") === true;
  const projects = visibleProjects(admin, admin ? void 0 : principal(c).project, q.projects);
  const ledger = requireLedger(c.env);
  const rows = q.days.length ? await ledger.queryUsage(
    {
      kind: q.kind,
      fromDay: q.days[0],
      toDay: nextDay(q.days[q.days.length - 1]),
      projects,
      keyNames: q.keyNames,
      models: q.models,
      groupBy: q.groupBy
    },
    nowMs
  ) : [];
  const byDay = /* @__PURE__ */ new Map();
  for (const row of rows) byDay.set(row.day, [...byDay.get(row.day) ?? [], row]);
  const data = q.days.map((day) => ({
    object: "bucket",
    start_time: dayStartSeconds(day),
    end_time: dayStartSeconds(day) + 86400,
    results: (byDay.get(day) ?? []).map((row) => resultOf(q.kind, row))
  }));
  const nextIndex = q.allDays.indexOf(q.days[q.days.length - 1] ?? "") + 1;
  const hasMore = nextIndex > 0 && nextIndex < q.allDays.length;
  return c.json({ object: "page", data, has_more: hasMore, next_page: hasMore ? `page_${q.allDays[nextIndex]}` : null });
}
__name(getUsage, "getUsage");
var nextDay = /* @__PURE__ */ __name((day) => utcDay(dayStartSeconds(day) * 1e3 + 864e5), "nextDay");

// src/app.ts
var app = new Hono3();
app.onError((error, c) => {
  const project = c.get("project");
  return errorResponse(
    toApiError(error, project === void 0 ? void 0 : `project ${project}, key ${c.get("keyName")}`),
    corsHeaders(c)
  );
});
app.notFound(
  (c) => errorResponse(
    new ApiError(404, `Unknown route: ${c.req.method} ${new URL(c.req.url).pathname}`, "invalid_request_error", null, "unknown_route"),
    corsHeaders(c)
  )
);
app.use("*", async (c, next) => {
  try {
    decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw new ApiError(
      400,
      "The request path holds malformed percent-encoding (a '%' not followed by a valid UTF-8 byte sequence).",
      "invalid_request_error",
      null,
      "invalid_path"
    );
  }
  if (c.req.method === "OPTIONS")
    return new Response(null, { status: 204, headers: { ...corsHeaders(c), "access-control-max-age": "86400" } });
  await next();
  for (const [k, v] of Object.entries(corsHeaders(c))) c.res.headers.set(k, v);
});
app.use("/v1/*", async (c, next) => {
  if (c.req.path.startsWith("/v1/organization/") && isAdmin(c.req.raw, c.env)) c.set("admin", true);
  else setPrincipal(c, authorize(c.req.raw, c.env.API_KEYS));
  await next();
});
app.use("/v1/*", metering);
function route(path, handlers) {
  for (const [method, handler] of Object.entries(handlers)) app.on(method, path, handler);
  const allow = Object.keys(handlers).join(", ");
  app.all(path, (c) => {
    throw new ApiError(
      405,
      `Method ${c.req.method} is not allowed on ${new URL(c.req.url).pathname}; use ${allow}.`,
      "invalid_request_error",
      null,
      "method_not_allowed",
      { allow }
    );
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
route("/v1/assistants", { GET: listAssistants, POST: createAssistant });
route("/v1/assistants/:assistant_id", {
  GET: retrieveAssistant,
  POST: modifyAssistant,
  DELETE: deleteAssistant
});
route("/v1/threads", { POST: createThread2 });
route("/v1/threads/runs", { POST: createThreadAndRun });
route("/v1/threads/:thread_id", { GET: retrieveThread, POST: modifyThread, DELETE: deleteThread });
route("/v1/threads/:thread_id/messages", { GET: listMessages, POST: createMessage });
route("/v1/threads/:thread_id/messages/:message_id", {
  GET: retrieveMessage,
  POST: modifyMessage,
  DELETE: deleteMessage
});
route("/v1/threads/:thread_id/runs", { GET: listRuns, POST: createRun });
route("/v1/threads/:thread_id/runs/:run_id", { GET: retrieveRun, POST: modifyRun });
route("/v1/threads/:thread_id/runs/:run_id/cancel", { POST: cancelRun });
route("/v1/threads/:thread_id/runs/:run_id/submit_tool_outputs", { POST: submitToolOutputs });
route("/v1/threads/:thread_id/runs/:run_id/steps", { GET: listRunSteps });
route("/v1/threads/:thread_id/runs/:run_id/steps/:step_id", { GET: retrieveRunStep });
route("/v1/responses", { POST: createResponse });
route("/v1/responses/:response_id", { GET: retrieveResponse, DELETE: deleteResponse });
route("/v1/responses/:response_id/input_items", { GET: listInputItems });
route("/v1/responses/:response_id/cancel", { POST: cancelResponse });
route("/v1/conversations", { POST: createConversation });
route("/v1/conversations/:conversation_id", {
  GET: retrieveConversation,
  POST: updateConversation,
  DELETE: deleteConversation
});
route("/v1/conversations/:conversation_id/items", { GET: listItems, POST: addItems2 });
route("/v1/conversations/:conversation_id/items/:item_id", { GET: retrieveItem, DELETE: deleteItem });
route("/v1/organization/usage/:kind", { GET: getUsage });
route("/v1/organization/budgets", { GET: getBudgets });
route("/dashboard", { GET: dashboardPage });
route("/dashboard.js", { GET: dashboardScript });
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

// src/state/durable-object.ts
import { DurableObject, RpcTarget } from "cloudflare:workers";

// src/state/sql-tables.ts
var MAX_ROW_BYTES = 2e6 - 1e4;
function tooLarge2(what, limit) {
  return new ApiError(
    413,
    `This ${what} is too large to store (over ${Math.floor(limit / 1e6)} MB).`,
    "invalid_request_error",
    null,
    "state_too_large"
  );
}
__name(tooLarge2, "tooLarge");
var byteLength = /* @__PURE__ */ __name((text) => text.length * 3 <= MAX_ROW_BYTES ? text.length : new TextEncoder().encode(text).length, "byteLength");
var SqlTables = class {
  constructor(sql) {
    this.sql = sql;
  }
  static {
    __name(this, "SqlTables");
  }
  counts = { rowsRead: 0, rowsWritten: 0 };
  created = false;
  exec(query, ...bindings) {
    const cursor = this.sql.exec(query, ...bindings);
    const rows = cursor.toArray();
    this.counts.rowsRead += cursor.rowsRead;
    this.counts.rowsWritten += cursor.rowsWritten;
    return rows;
  }
  /** A failed operation rolls its transaction back, the CREATE with it: the next one creates the table again. */
  rolledBack() {
    this.created = false;
  }
  ensureCreated() {
    if (this.created) return;
    this.exec(
      "CREATE TABLE IF NOT EXISTS rows (t TEXT NOT NULL, key TEXT NOT NULL, tag TEXT, json TEXT NOT NULL, PRIMARY KEY (t, key)) WITHOUT ROWID"
    );
    this.created = true;
  }
  table(name) {
    const parse = /* @__PURE__ */ __name((rows) => rows.map((row) => JSON.parse(row.json)), "parse");
    return {
      get: /* @__PURE__ */ __name((key) => {
        this.ensureCreated();
        return parse(this.exec("SELECT json FROM rows WHERE t = ? AND key = ?", name, key))[0];
      }, "get"),
      put: /* @__PURE__ */ __name((key, value, tag = null) => {
        this.ensureCreated();
        const json = JSON.stringify(value);
        if (byteLength(json) > MAX_ROW_BYTES) throw tooLarge2(name.replace(/s$/, ""), MAX_ROW_BYTES);
        this.exec(
          "INSERT INTO rows (t, key, tag, json) VALUES (?, ?, ?, ?) ON CONFLICT (t, key) DO UPDATE SET tag = excluded.tag, json = excluded.json",
          name,
          key,
          tag,
          json
        );
      }, "put"),
      delete: /* @__PURE__ */ __name((key) => {
        this.ensureCreated();
        return this.exec("DELETE FROM rows WHERE t = ? AND key = ? RETURNING key", name, key).length > 0;
      }, "delete"),
      scan: /* @__PURE__ */ __name((scan) => {
        this.ensureCreated();
        return parse(this.scanRows(name, scan));
      }, "scan"),
      lastKey: /* @__PURE__ */ __name(() => {
        this.ensureCreated();
        return this.exec("SELECT key FROM rows WHERE t = ? ORDER BY key DESC LIMIT 1", name)[0]?.key;
      }, "lastKey")
    };
  }
  /** Only the bounds that are set go into the query, so SQLite walks the primary key from the right place. */
  scanRows(name, scan) {
    const where = ["t = ?"];
    const bindings = [name];
    if (scan.above !== void 0) where.push("key > ?"), bindings.push(scan.above);
    if (scan.below !== void 0) where.push("key < ?"), bindings.push(scan.below);
    if (scan.tag !== void 0) where.push("tag = ?"), bindings.push(scan.tag);
    bindings.push(scan.limit);
    return this.exec(
      `SELECT json FROM rows WHERE ${where.join(" AND ")} ORDER BY key ${scan.descending ? "DESC" : "ASC"} LIMIT ?`,
      ...bindings
    );
  }
  clear() {
    this.ensureCreated();
    this.exec("DELETE FROM rows");
  }
};

// src/usage/ledger.ts
var RETENTION_DAYS = 62;
var SUMS = [
  "requests",
  "input_tokens",
  "output_tokens",
  "cached_tokens",
  "reasoning_tokens",
  "neurons",
  "cache_hits",
  "neurons_saved",
  "images",
  "characters",
  "audio_seconds",
  "errors"
];
var SCHEMA = [
  `CREATE TABLE IF NOT EXISTS usage (day TEXT NOT NULL, project TEXT NOT NULL, key_name TEXT NOT NULL, model TEXT NOT NULL,
    kind TEXT NOT NULL, ${SUMS.map((s) => `${s} REAL NOT NULL DEFAULT 0`).join(", ")},
    PRIMARY KEY (day, project, key_name, model, kind)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS usage_errors (day TEXT NOT NULL, project TEXT NOT NULL, kind TEXT NOT NULL, status INTEGER NOT NULL,
    count INTEGER NOT NULL, PRIMARY KEY (day, project, kind, status)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS admissions (period TEXT NOT NULL, project TEXT NOT NULL, requests INTEGER NOT NULL,
    PRIMARY KEY (period, project)) WITHOUT ROWID`
];
var GROUP_COLUMN = { project_id: "project", api_key_id: "key_name", model: "model" };
var UsageLedger = class {
  constructor(sql) {
    this.sql = sql;
  }
  static {
    __name(this, "UsageLedger");
  }
  counts = { rowsRead: 0, rowsWritten: 0 };
  created = false;
  prunedDay = "";
  exec(query, ...bindings) {
    const cursor = this.sql.exec(query, ...bindings);
    const rows = cursor.toArray();
    this.counts.rowsRead += cursor.rowsRead;
    this.counts.rowsWritten += cursor.rowsWritten;
    return rows;
  }
  ensure(nowMs) {
    if (!this.created) {
      for (const statement of SCHEMA) this.exec(statement);
      this.created = true;
    }
    const today = utcDay(nowMs);
    if (this.prunedDay !== today) {
      const oldest = utcDay(nowMs - RETENTION_DAYS * 864e5);
      this.exec("DELETE FROM usage WHERE day < ?", oldest);
      this.exec("DELETE FROM usage_errors WHERE day < ?", oldest);
      this.exec("DELETE FROM admissions WHERE period < ?", today);
      this.prunedDay = today;
    }
  }
  record(records, nowMs) {
    this.ensure(nowMs);
    for (const r of records) {
      const values = [
        r.requests,
        r.inputTokens,
        r.outputTokens,
        r.cachedTokens,
        r.reasoningTokens,
        r.neurons,
        r.cacheHits,
        r.neuronsSaved,
        r.images,
        r.characters,
        r.audioSeconds,
        r.errorStatus ? 1 : 0
      ];
      this.exec(
        `INSERT INTO usage (day, project, key_name, model, kind, ${SUMS.join(", ")}) VALUES (?, ?, ?, ?, ?, ${SUMS.map(() => "?").join(", ")})
         ON CONFLICT (day, project, key_name, model, kind) DO UPDATE SET ${SUMS.map((s) => `${s} = ${s} + excluded.${s}`).join(", ")}`,
        r.day,
        r.project,
        r.keyName,
        r.model,
        r.kind,
        ...values
      );
      if (r.errorStatus) {
        this.exec(
          `INSERT INTO usage_errors (day, project, kind, status, count) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (day, project, kind, status) DO UPDATE SET count = count + 1`,
          r.day,
          r.project,
          r.kind,
          r.errorStatus
        );
      }
    }
  }
  /** What the project and the account spent today, without counting anything. */
  spent(project, nowMs) {
    this.ensure(nowMs);
    const day = utcDay(nowMs);
    const minute = new Date(nowMs).toISOString().slice(0, 16);
    const mine = this.exec(
      `SELECT COALESCE(SUM(input_tokens + output_tokens), 0) AS tokens, COALESCE(SUM(neurons), 0) AS neurons,
        COALESCE(SUM(requests), 0) AS requests FROM usage WHERE day = ? AND project = ?`,
      day,
      project
    )[0];
    const all = this.exec("SELECT COALESCE(SUM(neurons), 0) AS neurons FROM usage WHERE day = ?", day)[0];
    const admitted = /* @__PURE__ */ __name((period) => Number(this.exec("SELECT requests FROM admissions WHERE period = ? AND project = ?", period, project)[0]?.requests ?? 0), "admitted");
    return {
      // Admissions are counted only under a request limit; recorded requests lag the ones still running.
      requests: Math.max(admitted(day), Number(mine.requests)),
      tokens: Number(mine.tokens),
      neurons: Number(mine.neurons),
      minuteRequests: admitted(minute),
      accountNeurons: Number(all.neurons)
    };
  }
  /** Decides and counts in one step: concurrent requests are admitted one at a time, so a request limit holds exactly. */
  admit(request) {
    const spent = this.spent(request.project, request.nowMs);
    const admission = decide(request.limits, request.accountNeurons, spent, request.nowMs);
    if (!admission.ok) return admission;
    const count = /* @__PURE__ */ __name((period, value) => this.exec(
      "INSERT INTO admissions (period, project, requests) VALUES (?, ?, ?) ON CONFLICT (period, project) DO UPDATE SET requests = excluded.requests",
      period,
      request.project,
      value
    ), "count");
    if (request.limits.requests !== void 0) count(utcDay(request.nowMs), spent.requests + 1);
    if (request.limits.requests_per_minute !== void 0)
      count(new Date(request.nowMs).toISOString().slice(0, 16), spent.minuteRequests + 1);
    return admission;
  }
  /** Projects with usage since `fromDay`, for an admin's view. */
  projects(fromDay, nowMs) {
    this.ensure(nowMs);
    return this.exec("SELECT DISTINCT project FROM usage WHERE day >= ? ORDER BY project", fromDay).map((r) => String(r.project));
  }
  query(q, nowMs) {
    this.ensure(nowMs);
    const where = ["kind = ?", "day >= ?", "day < ?"];
    const bindings = [q.kind, q.fromDay, q.toDay];
    const filter = /* @__PURE__ */ __name((column, values) => {
      if (!values) return;
      where.push(values.length ? `${column} IN (${values.map(() => "?").join(", ")})` : "0");
      bindings.push(...values);
    }, "filter");
    filter("project", q.projects);
    filter("key_name", q.keyNames);
    filter("model", q.models);
    const groups = q.groupBy.map((g) => GROUP_COLUMN[g]);
    const columns = ["project", "key_name", "model"].map((c) => groups.includes(c) ? c : `NULL AS ${c}`);
    const rows = this.exec(
      `SELECT day, ${columns.join(", ")}, ${SUMS.map((s) => `SUM(${s}) AS ${s}`).join(", ")} FROM usage WHERE ${where.join(" AND ")}
       GROUP BY ${["day", ...groups].join(", ")} ORDER BY ${["day", ...groups].join(", ")}`,
      ...bindings
    );
    return rows;
  }
  errors(fromDay, toDay, projects, nowMs) {
    this.ensure(nowMs);
    const scope = projects ? ` AND project IN (${projects.map(() => "?").join(", ") || "NULL"})` : "";
    return this.exec(
      `SELECT day, project, status, SUM(count) AS count FROM usage_errors WHERE day >= ? AND day < ?${scope} GROUP BY day, project, status ORDER BY day`,
      fromDay,
      toDay,
      ...projects ?? []
    );
  }
};

// src/state/durable-object.ts
var StateObject = class extends DurableObject {
  static {
    __name(this, "StateObject");
  }
  tables;
  changed = new Signal();
  /** Sessions whose run is still being worked on somewhere: only then is a poll worth holding. */
  liveSessions = 0;
  constructor(ctx, env) {
    super(ctx, env);
    this.tables = new SqlTables(ctx.storage.sql);
  }
  apply(op, args) {
    const before = { ...this.tables.counts };
    const outcome = capture(() => {
      try {
        return this.ctx.storage.transactionSync(() => runOp(op, this.tables, args, createContext()));
      } catch (error) {
        this.tables.rolledBack();
        throw error;
      }
    });
    const rows = {
      rowsRead: this.tables.counts.rowsRead - before.rowsRead,
      rowsWritten: this.tables.counts.rowsWritten - before.rowsWritten
    };
    if (rows.rowsWritten > 0) this.changed.notify();
    return { outcome, rows };
  }
  async invoke(op, args, waitMs = 0) {
    if (!waitMs) return this.apply(op, args);
    const rows = { rowsRead: 0, rowsWritten: 0 };
    const answer = await settle2(
      async () => {
        const answer2 = this.apply(op, args);
        rows.rowsRead += answer2.rows.rowsRead;
        rows.rowsWritten += answer2.rows.rowsWritten;
        return answer2;
      },
      (answer2) => answer2.outcome.ok && isPending(op, answer2.outcome.value),
      waitMs,
      (ms) => this.changed.wait(ms),
      () => this.liveSessions > 0
    );
    return { outcome: answer.outcome, rows };
  }
  /** The usage ledger lives in one object of this class (usage/store.ts names it); others never create its tables. */
  ledgerOf() {
    this.ledger ??= new UsageLedger(this.ctx.storage.sql);
    return this.ledger;
  }
  ledger;
  recordUsage(records, nowMs) {
    const ledger = this.ledgerOf();
    const before = { ...ledger.counts };
    this.ctx.storage.transactionSync(() => ledger.record(records, nowMs));
    return { rowsRead: ledger.counts.rowsRead - before.rowsRead, rowsWritten: ledger.counts.rowsWritten - before.rowsWritten };
  }
  admitUsage(request) {
    return this.ctx.storage.transactionSync(() => this.ledgerOf().admit(request));
  }
  spentToday(projects, nowMs) {
    return projects.map((project) => this.ledgerOf().spent(project, nowMs));
  }
  usageProjects(fromDay, nowMs) {
    return this.ledgerOf().projects(fromDay, nowMs);
  }
  queryUsage(query, nowMs) {
    return this.ledgerOf().query(query, nowMs);
  }
  usageErrors(fromDay, toDay, projects, nowMs) {
    return this.ledgerOf().errors(fromDay, toDay, projects, nowMs);
  }
  start(op, args, abandon) {
    const answer = this.apply(op, args);
    return { answer, session: answer.outcome.ok ? new RunSession(this, abandon) : null };
  }
};
var RunSession = class extends RpcTarget {
  constructor(object, abandon) {
    super();
    this.object = object;
    this.abandon = abandon;
    object.liveSessions++;
  }
  static {
    __name(this, "RunSession");
  }
  open = true;
  finish(op, args) {
    this.end();
    return this.object.apply(op, args);
  }
  /** Called when the worker lets go of the session, or its request ends without finishing. */
  [Symbol.dispose]() {
    if (this.open && this.abandon) this.object.apply(this.abandon.op, this.abandon.args);
    this.end();
  }
  end() {
    if (!this.open) return;
    this.open = false;
    this.object.liveSessions--;
  }
};

// src/index.ts
var index_default = {
  fetch: /* @__PURE__ */ __name((request, env, ctx) => app.fetch(request, env, ctx), "fetch")
};
export {
  StateObject,
  index_default as default
};
//# sourceMappingURL=index.js.map
