package sandbox

// A niche is a corner of the web: its keywords feed anchors, titles and
// paths; its categories label the domains in it; its sites are the targets
// that compete with each other for the same referring domains.
type niche struct {
	name       string
	tagline    string
	keywords   []string
	categories []string // most typical first
	siteWords  []string // endings of generated competitor names
}

var niches = []niche{
	{name: "seo", tagline: "SEO, Search Marketing News and Tutorials",
		keywords:   []string{"seo tips", "link building", "keyword research", "content marketing", "digital marketing", "local seo", "technical seo", "backlink analysis", "search engine optimization", "ppc management", "social media marketing", "email marketing", "core web vitals", "google algorithm update", "conversion rate optimization", "marketing automation"},
		categories: []string{"/Business & Industrial/Advertising & Marketing/Marketing", "/Internet & Telecom/Web Services/Search Engine Optimization & Marketing", "/Business & Industrial/Advertising & Marketing/Brand Management", "/Business & Industrial/Advertising & Marketing/Sales", "/Internet & Telecom/Web Services/Web Design & Development", "/Internet & Telecom/Web Services/Affiliate Programs", "/Internet & Telecom/Search Engines"},
		siteWords:  []string{"rank", "serp", "seo", "links", "growth", "metrics", "search", "marketing"}},
	{name: "tech", tagline: "Technology News, Reviews and Developer Guides",
		keywords:   []string{"cloud computing", "javascript frameworks", "open source", "developer tools", "cybersecurity", "machine learning", "api design", "kubernetes", "web performance", "data engineering", "mobile apps", "linux servers"},
		categories: []string{"/Computers & Electronics/Software", "/Computers & Electronics/Programming", "/Computers & Electronics/Computer Security", "/Internet & Telecom/Web Services/Cloud Storage", "/Science/Computer Science"},
		siteWords:  []string{"dev", "code", "stack", "tech", "cloud", "bytes", "labs", "hq"}},
	{name: "finance", tagline: "Personal Finance, Investing and Money Advice",
		keywords:   []string{"personal finance", "credit cards", "mortgage rates", "index funds", "retirement planning", "stock market", "budgeting", "savings accounts", "student loans", "tax deductions", "dividend investing", "credit score"},
		categories: []string{"/Finance/Investing", "/Finance/Banking", "/Finance/Credit & Lending/Credit Cards", "/Finance/Insurance", "/Business & Industrial/Business Finance"},
		siteWords:  []string{"money", "wallet", "invest", "credit", "cents", "wealth", "finance", "fund"}},
	{name: "travel", tagline: "Travel Guides, Deals and Destination Ideas",
		keywords:   []string{"cheap flights", "travel guide", "hotel deals", "things to do", "travel tips", "beach resorts", "road trips", "travel insurance", "backpacking", "city breaks", "travel packing list", "national parks"},
		categories: []string{"/Travel/Tourist Destinations", "/Travel/Hotels & Accommodations", "/Travel/Air Travel", "/Travel/Travel Guides & Travelogues"},
		siteWords:  []string{"travel", "trips", "journey", "nomad", "voyage", "getaway", "explore", "tours"}},
	{name: "health", tagline: "Health Information, Nutrition and Wellness",
		keywords:   []string{"healthy eating", "weight loss", "mental health", "vitamin d", "sleep quality", "fitness plan", "home remedies", "intermittent fasting", "blood pressure", "gut health", "yoga poses", "meditation"},
		categories: []string{"/Health/Nutrition", "/Health/Mental Health", "/Health/Health Conditions", "/Beauty & Fitness/Fitness"},
		siteWords:  []string{"health", "well", "vital", "care", "fit", "life", "clinic", "md"}},
	{name: "food", tagline: "Easy Recipes, Cooking Tips and Food Ideas",
		keywords:   []string{"easy recipes", "dinner ideas", "sourdough baking", "vegan recipes", "meal prep", "slow cooker", "healthy breakfast", "dessert recipes", "air fryer", "pasta sauce", "grilling", "cold brew coffee"},
		categories: []string{"/Food & Drink/Cooking & Recipes", "/Food & Drink/Restaurants", "/Food & Drink/Beverages/Coffee & Tea"},
		siteWords:  []string{"kitchen", "recipes", "eats", "cook", "bites", "table", "chef", "food"}},
	{name: "sports", tagline: "Sports News, Scores and Training",
		keywords:   []string{"football scores", "running shoes", "marathon training", "basketball news", "cycling gear", "golf tips", "transfer news", "fantasy football", "home workouts", "tennis rackets", "trail running", "swimming drills"},
		categories: []string{"/Sports/Sports Coverage", "/Sports/Team Sports/Soccer", "/Sports/Team Sports/Basketball", "/Sports/Individual Sports/Running & Walking"},
		siteWords:  []string{"sports", "score", "league", "athletic", "run", "goal", "fans", "arena"}},
	{name: "gaming", tagline: "Game Reviews, Guides and Gaming News",
		keywords:   []string{"game reviews", "walkthrough", "pc gaming", "esports", "console deals", "gaming laptops", "indie games", "speedrun", "patch notes", "mechanical keyboards", "retro games", "graphics cards"},
		categories: []string{"/Games/Computer & Video Games", "/Games/Computer & Video Games/Action & Platform Games", "/Computers & Electronics/Consumer Electronics/Game Systems & Consoles"},
		siteWords:  []string{"gamer", "play", "pixel", "quest", "arcade", "loot", "games", "level"}},
	{name: "fashion", tagline: "Fashion Trends, Style Tips and Shopping",
		keywords:   []string{"summer dresses", "sneakers", "street style", "outfit ideas", "sustainable fashion", "jewelry", "denim jackets", "capsule wardrobe", "skincare routine", "handbags", "wedding dresses", "men's style"},
		categories: []string{"/Beauty & Fitness/Fashion & Style", "/Shopping/Apparel/Footwear", "/Shopping/Apparel/Women's Clothing", "/Beauty & Fitness/Face & Body Care"},
		siteWords:  []string{"style", "chic", "wear", "closet", "vogue", "trend", "look", "mode"}},
	{name: "home", tagline: "Home Improvement, Garden and DIY Ideas",
		keywords:   []string{"home improvement", "garden ideas", "interior design", "diy projects", "kitchen remodel", "houseplants", "paint colors", "bathroom tiles", "raised beds", "smart home", "furniture restoration", "composting"},
		categories: []string{"/Home & Garden/Home Improvement", "/Home & Garden/Gardening & Landscaping", "/Home & Garden/Home Furnishings"},
		siteWords:  []string{"home", "house", "nest", "garden", "diy", "living", "decor", "yard"}},
	{name: "auto", tagline: "Car Reviews, Buying Advice and Auto News",
		keywords:   []string{"car reviews", "used cars", "electric vehicles", "car maintenance", "winter tires", "suv comparison", "hybrid cars", "car insurance", "oil change", "ev charging", "pickup trucks", "car detailing"},
		categories: []string{"/Autos & Vehicles/Motor Vehicles (By Type)", "/Autos & Vehicles/Vehicle Shopping", "/Autos & Vehicles/Vehicle Parts & Accessories"},
		siteWords:  []string{"motors", "auto", "drive", "cars", "garage", "wheels", "torque", "road"}},
	{name: "education", tagline: "Online Courses, Study Guides and Learning",
		keywords:   []string{"online courses", "study tips", "scholarships", "learn english", "math help", "college admissions", "exam preparation", "language learning", "coding bootcamp", "homework help", "teaching resources", "grammar rules"},
		categories: []string{"/Jobs & Education/Education/Colleges & Universities", "/Jobs & Education/Education/Distance Learning", "/Reference/Language Resources"},
		siteWords:  []string{"learn", "academy", "study", "school", "tutor", "class", "campus", "edu"}},
	{name: "news", tagline: "Breaking News, Analysis and Opinion",
		keywords:   []string{"breaking news", "world news", "election results", "live updates", "opinion", "economy", "climate policy", "local news", "investigations", "weather", "court ruling", "trade talks"},
		categories: []string{"/News/World News", "/News/Politics", "/News/Business News", "/News/Local News"},
		siteWords:  []string{"news", "times", "post", "herald", "daily", "report", "tribune", "wire"}},
	{name: "realestate", tagline: "Homes for Sale, Rentals and Market Data",
		keywords:   []string{"homes for sale", "mortgage calculator", "apartments for rent", "real estate agents", "property prices", "first-time buyers", "home inspection", "housing market", "open house", "property management", "condo", "home valuation"},
		categories: []string{"/Real Estate/Real Estate Listings", "/Real Estate/Real Estate Agencies", "/Finance/Credit & Lending/Home Financing"},
		siteWords:  []string{"homes", "realty", "estate", "property", "keys", "listing", "move", "rent"}},
	{name: "pets", tagline: "Pet Care, Training and Product Reviews",
		keywords:   []string{"dog training", "cat food", "pet insurance", "puppy care", "aquarium setup", "dog breeds", "cat litter", "pet adoption", "bird care", "dog toys", "vet tips", "horse riding"},
		categories: []string{"/Pets & Animals/Pets/Dogs", "/Pets & Animals/Pets/Cats", "/Pets & Animals/Animal Products & Services"},
		siteWords:  []string{"pets", "paws", "pup", "kitty", "tails", "vet", "furry", "bark"}},
	{name: "music", tagline: "Music, Movies and Entertainment News",
		keywords:   []string{"new music", "concert tickets", "album reviews", "guitar lessons", "movie reviews", "streaming series", "music festivals", "vinyl records", "film trailers", "podcasts", "music production", "box office"},
		categories: []string{"/Arts & Entertainment/Music & Audio", "/Arts & Entertainment/Movies", "/Arts & Entertainment/TV & Video"},
		siteWords:  []string{"music", "sound", "tune", "beats", "cinema", "film", "stage", "vinyl"}},
	{name: "science", tagline: "Science News, Research and Discoveries",
		keywords:   []string{"space exploration", "climate change", "biology", "quantum physics", "research papers", "renewable energy", "genetics", "astronomy", "ocean science", "dinosaurs", "neuroscience", "chemistry experiments"},
		categories: []string{"/Science/Astronomy", "/Science/Ecology & Environment/Climate Change & Global Warming", "/Science/Biological Sciences", "/Science/Physics"},
		siteWords:  []string{"science", "lab", "discover", "cosmos", "research", "nature", "atom", "quantum"}},
	{name: "legal", tagline: "Legal Advice, Lawyers and Law Guides",
		keywords:   []string{"personal injury lawyer", "divorce attorney", "legal advice", "immigration law", "small claims", "estate planning", "employment law", "traffic tickets", "contract templates", "bankruptcy", "criminal defense", "patent law"},
		categories: []string{"/Law & Government/Legal", "/Law & Government/Legal/Legal Services", "/Law & Government/Government"},
		siteWords:  []string{"law", "legal", "attorney", "counsel", "justice", "court", "lawyer", "firm"}},
	{name: "business", tagline: "Business, Careers and Entrepreneurship",
		keywords:   []string{"remote jobs", "resume tips", "small business", "startup funding", "leadership", "productivity", "job interview", "business plan", "freelancing", "project management", "salary negotiation", "side hustle"},
		categories: []string{"/Jobs & Education/Jobs", "/Business & Industrial/Small Business", "/Business & Industrial/Business Operations/Management"},
		siteWords:  []string{"biz", "work", "career", "venture", "startup", "office", "hire", "founder"}},
	{name: "shopping", tagline: "Deals, Product Reviews and Online Shopping",
		keywords:   []string{"coupon codes", "product reviews", "gift ideas", "black friday deals", "online store", "price comparison", "free shipping", "cashback", "wireless earbuds", "kitchen gadgets", "toys", "smartwatches"},
		categories: []string{"/Shopping/Consumer Resources/Coupons & Discount Offers", "/Shopping/Mass Merchants & Department Stores", "/Internet & Telecom/Web Services/E-Commerce Services"},
		siteWords:  []string{"deals", "shop", "store", "mart", "buy", "cart", "outlet", "bargain"}},
	{name: "web", tagline: "Web Hosting, Domains and Online Reference",
		keywords:   []string{"web hosting", "domain names", "documentation", "examples", "reference", "wordpress themes", "ssl certificates", "website builder", "dns settings", "email hosting", "uptime monitoring", "cms"},
		categories: []string{"/Internet & Telecom/Web Services/Web Hosting", "/Computers & Electronics/Networking", "/Reference/General Reference", "/Internet & Telecom/Web Services/Web Design & Development"},
		siteWords:  []string{"host", "web", "site", "domain", "net", "online", "server", "page"}},
}

// knownSite is a well-known target with a hand-picked profile size, so that
// the names people try first behave like the sites they know.
type knownSite struct {
	name      string
	niche     string
	brand     string
	rds       int   // referring domains
	backlinks int64 // backlinks
	ascore    int
	www       bool
}

var knownSites = []knownSite{
	{"example.com", "web", "Example Domain", 12000, 340000, 64, true},
	{"example.org", "web", "Example Domain", 2500, 41000, 48, true},
	{"example.net", "web", "Example Domain", 1800, 23000, 44, true},
	{"searchenginejournal.com", "seo", "Search Engine Journal", 48000, 1050000, 84, true},
	{"searchengineland.com", "seo", "Search Engine Land", 42000, 920000, 82, false},
	{"searchenginewatch.com", "seo", "Search Engine Watch", 30000, 640000, 76, false},
	{"moz.com", "seo", "Moz", 56000, 1150000, 86, false},
	{"semrush.com", "seo", "Semrush", 52000, 1080000, 88, true},
	{"ahrefs.com", "seo", "Ahrefs", 44000, 760000, 85, false},
	{"backlinko.com", "seo", "Backlinko", 21000, 260000, 74, false},
	{"wordstream.com", "seo", "WordStream", 26000, 410000, 78, true},
	{"marketingland.com", "seo", "Marketing Land", 23000, 450000, 72, false},
	{"hubspot.com", "seo", "HubSpot", 60000, 1180000, 91, true},
	{"neilpatel.com", "seo", "Neil Patel", 31000, 520000, 80, false},
	{"google.com", "web", "Google", 60000, 1200000, 100, true},
	{"wikipedia.org", "web", "Wikipedia", 60000, 1200000, 100, false},
	{"github.com", "tech", "GitHub", 60000, 1100000, 97, false},
	{"stackoverflow.com", "tech", "Stack Overflow", 50000, 900000, 93, false},
	{"techcrunch.com", "tech", "TechCrunch", 45000, 800000, 92, false},
	{"theverge.com", "tech", "The Verge", 40000, 700000, 91, true},
	{"arstechnica.com", "tech", "Ars Technica", 30000, 500000, 89, false},
	{"amazon.com", "shopping", "Amazon", 60000, 1200000, 96, true},
	{"ebay.com", "shopping", "eBay", 56000, 1100000, 94, true},
	{"etsy.com", "shopping", "Etsy", 40000, 650000, 93, true},
	{"nytimes.com", "news", "The New York Times", 60000, 1150000, 95, true},
	{"bbc.co.uk", "news", "BBC", 58000, 1100000, 95, true},
	{"theguardian.com", "news", "The Guardian", 55000, 1000000, 94, true},
	{"nerdwallet.com", "finance", "NerdWallet", 30000, 480000, 84, true},
	{"investopedia.com", "finance", "Investopedia", 34000, 560000, 87, true},
	{"tripadvisor.com", "travel", "Tripadvisor", 50000, 900000, 91, true},
	{"lonelyplanet.com", "travel", "Lonely Planet", 32000, 520000, 86, true},
	{"healthline.com", "health", "Healthline", 42000, 700000, 90, true},
	{"webmd.com", "health", "WebMD", 44000, 760000, 91, true},
	{"allrecipes.com", "food", "Allrecipes", 26000, 380000, 84, true},
	{"seriouseats.com", "food", "Serious Eats", 18000, 240000, 80, true},
	{"espn.com", "sports", "ESPN", 46000, 800000, 91, true},
	{"ign.com", "gaming", "IGN", 36000, 600000, 89, true},
	{"polygon.com", "gaming", "Polygon", 24000, 360000, 84, true},
	{"zillow.com", "realestate", "Zillow", 30000, 500000, 88, true},
	{"akc.org", "pets", "American Kennel Club", 16000, 210000, 78, true},
	{"imdb.com", "music", "IMDb", 52000, 950000, 93, true},
	{"nature.com", "science", "Nature", 48000, 820000, 94, true},
	{"findlaw.com", "legal", "FindLaw", 20000, 300000, 80, true},
	{"forbes.com", "business", "Forbes", 58000, 1100000, 94, true},
	{"caranddriver.com", "auto", "Car and Driver", 22000, 330000, 83, true},
	{"coursera.org", "education", "Coursera", 30000, 480000, 89, true},
	{"houzz.com", "home", "Houzz", 28000, 430000, 86, true},
	{"vogue.com", "fashion", "Vogue", 30000, 470000, 88, true},
}

// platform is a popular referring domain that links to half the web.
type platform struct {
	name     string
	ascore   int
	ugc      bool // links are user-generated (nofollow ugc)
	category string
	www      bool
}

var platforms = []platform{
	{"wordpress.com", 95, false, "/Internet & Telecom/Web Services/Web Design & Development", false},
	{"blogspot.com", 94, false, "/Internet & Telecom/Web Services/Web Design & Development", false},
	{"medium.com", 94, false, "/Arts & Entertainment/Online Media", false},
	{"reddit.com", 96, true, "/Online Communities/Forum & Chat Providers", true},
	{"x.com", 98, true, "/Online Communities/Social Networks", false},
	{"facebook.com", 100, true, "/Online Communities/Social Networks", true},
	{"linkedin.com", 99, true, "/Online Communities/Social Networks", true},
	{"pinterest.com", 94, true, "/Online Communities/Photo & Video Sharing", true},
	{"youtube.com", 100, true, "/Online Communities/Photo & Video Sharing", true},
	{"quora.com", 92, true, "/Online Communities/Forum & Chat Providers", true},
	{"tumblr.com", 90, false, "/Online Communities/Blogging Resources & Services", true},
	{"github.io", 90, false, "/Computers & Electronics/Programming", false},
	{"issuu.com", 86, false, "/Books & Literature/E-Books", false},
	{"scribd.com", 88, false, "/Books & Literature/E-Books", true},
	{"slideshare.net", 88, false, "/Business & Industrial/Business Services/Presentation Software", true},
	{"flickr.com", 90, true, "/Online Communities/Photo & Video Sharing", true},
	{"vimeo.com", 92, false, "/Online Communities/Photo & Video Sharing", false},
	{"yelp.com", 90, true, "/Business & Industrial/Business Services/Consumer Reviews", true},
	{"trustpilot.com", 88, true, "/Business & Industrial/Business Services/Consumer Reviews", false},
	{"producthunt.com", 84, true, "/Computers & Electronics/Software", true},
	{"substack.com", 86, false, "/Arts & Entertainment/Online Media", false},
	{"weebly.com", 85, false, "/Internet & Telecom/Web Services/Web Design & Development", true},
	{"blogger.com", 92, false, "/Online Communities/Blogging Resources & Services", true},
	{"livejournal.com", 84, true, "/Online Communities/Blogging Resources & Services", false},
	{"behance.net", 86, false, "/Arts & Entertainment/Visual Art & Design", true},
	{"dribbble.com", 84, false, "/Arts & Entertainment/Visual Art & Design", false},
	{"archive.org", 93, false, "/Reference/Libraries & Museums", false},
	{"feedly.com", 80, false, "/Internet & Telecom/Web Services", false},
	{"crunchbase.com", 86, false, "/Business & Industrial/Business Services", true},
	{"tiktok.com", 95, true, "/Online Communities/Photo & Video Sharing", true},
	{"instagram.com", 99, true, "/Online Communities/Social Networks", true},
	{"ycombinator.com", 88, true, "/Computers & Electronics/Software", false},
	{"disqus.com", 85, true, "/Online Communities/Forum & Chat Providers", false},
	{"wix.com", 90, false, "/Internet & Telecom/Web Services/Web Design & Development", true},
	{"about.me", 80, false, "/Online Communities/Social Networks", false},
	{"gravatar.com", 86, false, "/Online Communities/Social Networks", true},
	{"mozilla.org", 92, false, "/Computers & Electronics/Software", true},
	{"stackexchange.com", 90, true, "/Online Communities/Forum & Chat Providers", false},
	{"nih.gov", 93, false, "/Health/Medical Literature & Resources", true},
	{"europa.eu", 90, false, "/Law & Government/Government", false},
}

var genericAnchors = []string{
	"click here", "here", "read more", "more", "website", "this article", "source",
	"learn more", "this post", "link", "homepage", "official site", "visit site",
	"read more >", "continue reading", "check it out", "this guide", "via", "see more", "this",
}

var pathSections = []string{"blog", "news", "guides", "resources", "articles", "learn", "insights", "reviews", "tools", "help"}

// Localised title templates by country code: {K} keyword, {B} brand, {Y} year.
var localTitles = map[string][]string{
	"jp": {"{K}の完全ガイド | {B}", "{K}とは？初心者向けに解説 - {B}"},
	"cn": {"{K}完整指南 - {B}", "{Y}年最佳{K}推荐 | {B}"},
	"kr": {"{K} 완벽 가이드 - {B}", "{Y}년 {K} 추천 | {B}"},
	"de": {"Der große {K}-Ratgeber für {Y} | {B}", "{K}: Tipps & Tricks – {B}"},
	"fr": {"Le guide complet : {K} en {Y} – {B}", "{K} : nos conseils pratiques | {B}"},
	"ru": {"Полное руководство: {K} — {B}", "{K}: советы и обзоры | {B}"},
	"es": {"Guía completa de {K} ({Y}) | {B}", "{K}: consejos prácticos – {B}"},
	"br": {"Guia completo de {K} em {Y} | {B}", "{K}: dicas e truques – {B}"},
	"it": {"Guida completa a {K} – {B}", "{K}: consigli utili | {B}"},
	"pl": {"Kompletny przewodnik: {K} | {B}", "{K} – porady dla początkujących | {B}"},
}

var headlineTemplates = []string{
	"The Complete Guide to {K}",
	"{N} {K} Tips for {Y}",
	"{K}: What You Need to Know",
	"Best {K} Tools in {Y}",
	"What Is {K}?",
	"{K} Checklist",
	"A Beginner's Guide to {K}",
	"{N} Common {K} Mistakes",
	"{K} vs. {L}: Which Is Better?",
	"Why {K} Matters in {Y}",
	"How We Approach {K}",
	"{K} & {L}: A Practical Overview",
}

// nicheSites lists, per niche, the sites that compete in it: its known
// sites, then generated names. competitorNiche maps each generated name to
// its niche so that querying a competitor puts it in the same niche.
var (
	nicheSites      [][]string
	competitorNiche = map[string]int{}
)

const sitesPerNiche = 48

func init() {
	nicheSites = make([][]string, len(niches))
	for _, k := range knownSites {
		n := nicheIndexOf(k.niche)
		nicheSites[n] = append(nicheSites[n], k.name)
	}
	for n := range niches {
		words := niches[n].siteWords
		for i := 0; len(nicheSites[n]) < sitesPerNiche && i < 1000; i++ {
			h := h3(0xc0ffee, uint64(n), uint64(i))
			name := syllableAt(below(h, 64)) + syllableAt(below(h>>8, 64)) + words[below(h>>16, len(words))] + ".com"
			if _, dup := competitorNiche[name]; dup {
				continue
			}
			if _, known := knownByNameStatic(name); known {
				continue
			}
			competitorNiche[name] = n
			nicheSites[n] = append(nicheSites[n], name)
		}
	}
}

func nicheIndexOf(name string) int {
	for i, n := range niches {
		if n.name == name {
			return i
		}
	}
	panic("sandbox: unknown niche " + name)
}

func syllableAt(i int) string {
	const cons, vow = "bcdfghklmnprstvz", "aeio"
	return string(cons[i/4]) + string(vow[i%4])
}

func knownByNameStatic(name string) (*knownSite, bool) {
	for i := range knownSites {
		if knownSites[i].name == name {
			return &knownSites[i], true
		}
	}
	return nil, false
}
