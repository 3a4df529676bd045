"""Published translations of three demo challenges into Polish and Urdu, as volunteer translators
(a parent, a teaching assistant) wrote them: each English string of the challenge, as
wagtail-localize's PO file names it, with its translation. `load_demo` applies them through
wagtail-localize (challenges/languages/translating.py), so the demo shows the feature: the
language list and hreflang on the page, `?lang=` on the embed and print, right to left in Urdu.

Keyed by the challenge's uid in the demo package. A string left out here falls back to English.
"""

BUG_HOTEL = "cbdf2caa-8fea-4930-bf8c-d55a9f26fc8e"  # a single challenge, Kingfisher Primary
CRESS_HEADS = "119a28ee-d203-4c88-9bfa-7ac68c49436f"  # a single challenge, Oak Primary
WEEK_OF_KINDNESS = "f3c4a866-ec89-4280-a4d8-521f8a009a1b"  # a weekly project, Riverside trust

POLISH = "pl"
URDU = "ur"

TRANSLATIONS = {
    BUG_HOTEL: {
        POLISH: {
            "Build a bug hotel": "Zbuduj hotel dla owadów",
            "Collect sticks, leaves and pine cones to build a five-star hotel for minibeasts, "
            "then check in on your guests over the following weeks and find out who has moved "
            "in.": "Zbierzcie patyki, liście i szyszki i zbudujcie pięciogwiazdkowy hotel dla "
            "małych stworzeń, a potem przez kolejne tygodnie odwiedzajcie swoich gości i "
            "sprawdzajcie, kto się wprowadził.",
            "Illustrated title card reading “Build a bug hotel”, on a green and lime background "
            "with soft shapes.": "Ilustrowana karta tytułowa z napisem „Zbuduj hotel dla "
            "owadów” na zielono-limonkowym tle z miękkimi kształtami.",
            "I can describe what a minibeast needs to survive": "Potrafię opisać, czego małe "
            "stworzenie potrzebuje do życia",
            "I can choose natural materials for a purpose": "Potrafię dobrać naturalne "
            "materiały do zadania",
            "I can observe and record which animals live in a habitat": "Potrafię obserwować i "
            "zapisywać, jakie zwierzęta żyją w danym siedlisku",
            "Plastic bottle or small wooden crate": "Plastikowa butelka lub mała drewniana "
            "skrzynka",
            "A cardboard box lined with a carrier bag": "Kartonowe pudełko wyłożone reklamówką",
            "Sticks, twigs and hollow stems": "Patyki, gałązki i puste w środku łodygi",
            "Dry leaves, bark and pine cones": "Suche liście, kora i szyszki",
            "String": "Sznurek",
            "Wool or garden twine": "Włóczka lub sznurek ogrodowy",
            "Go on a minibeast safari": "Wyrusz na safari małych stworzeń",
            "Look under stones, logs and plant pots. What do you find? Where were they hiding: "
            "somewhere <b>damp</b>, <b>dark</b> or <b>sheltered</b>?": "Zajrzyj pod kamienie, "
            "kłody i doniczki. Co znajdujesz? Gdzie się chowały: w miejscu <b>wilgotnym</b>, "
            "<b>ciemnym</b> czy <b>osłoniętym</b>?",
            "Draw or tally each creature you spot.": "Narysuj lub policz kreskami każde "
            "stworzenie, które zauważysz.",
            "Put every stone back where you found it.": "Odłóż każdy kamień tam, gdzie go "
            "znalazłeś.",
            "Design and build your hotel": "Zaprojektuj i zbuduj swój hotel",
            "Cut the ends off a plastic bottle (a grown-up can help) or use a crate. Pack it "
            "tightly with sticks, hollow stems, leaves and pine cones so that there are lots of "
            "little gaps and tunnels.": "Odetnij końce plastikowej butelki (może pomóc osoba "
            "dorosła) albo użyj skrzynki. Wypełnij ją ciasno patykami, pustymi łodygami, "
            "liśćmi i szyszkami, tak żeby powstało dużo małych szczelin i tuneli.",
            "Tie it with string and place it somewhere shady and sheltered, close to the "
            "ground.": "Obwiąż go sznurkiem i postaw w cienistym, osłoniętym miejscu, blisko "
            "ziemi.",
            "Guest book": "Księga gości",
            "Check your hotel once a week for a month. Keep a guest book: the date, the weather "
            "and who you found. Which minibeast was your most frequent visitor?": "Przez "
            "miesiąc raz w tygodniu zaglądaj do hotelu. Prowadź księgę gości: data, pogoda i "
            "kogo znalazłeś. Które stworzenie odwiedzało cię najczęściej?",
            "Use a picture sheet of common minibeasts (woodlouse, snail, spider, worm, ladybird) "
            "and tick them off.": "Użyj karty z obrazkami popularnych małych stworzeń "
            "(stonoga, ślimak, pająk, dżdżownica, biedronka) i odhaczaj te, które znajdziesz.",
            "Make a key to sort your minibeasts: does it have legs? More than six? Find out what "
            "an <i>invertebrate</i> is.": "Zrób klucz do rozpoznawania swoich stworzeń: czy ma "
            "nogi? Więcej niż sześć? Dowiedz się, co to jest <i>bezkręgowiec</i>.",
            "Minibeasts are everywhere, even in a yard or on a balcony: a bug hotel can be as "
            "small as a yoghurt pot stuffed with twigs.": "Małe stworzenia są wszędzie, nawet "
            "na podwórku czy balkonie: hotel dla owadów może być tak mały jak kubeczek po "
            "jogurcie wypełniony gałązkami.",
            "Wash hands after handling soil, stones and minibeasts.": "Po dotykaniu ziemi, "
            "kamieni i małych stworzeń umyj ręce.",
            "Be gentle: look, don't squeeze, and return creatures where you found them.": "Bądź "
            "delikatny: patrz, nie ściskaj i odnieś stworzenia tam, gdzie je znalazłeś.",
            "An adult should cut plastic bottles.": "Plastikowe butelki powinna przecinać osoba "
            "dorosła.",
            "Email a photo of your work to office@kingfisher.example.org with your child's class "
            "(not their name) in the subject line, or bring it in to show your teacher.": "Wyślij "
            "zdjęcie pracy na adres office@kingfisher.example.org, wpisując w temacie klasę "
            "dziecka (nie jego imię), albo przynieś pracę do szkoły i pokaż nauczycielowi.",
        },
        URDU: {
            "Build a bug hotel": "کیڑوں کا ہوٹل بنائیں",
            "Collect sticks, leaves and pine cones to build a five-star hotel for minibeasts, "
            "then check in on your guests over the following weeks and find out who has moved "
            "in.": "لکڑیاں، پتے اور چیڑ کے کون جمع کر کے ننھے کیڑوں کے لیے فائیو اسٹار ہوٹل "
            "بنائیں، پھر اگلے چند ہفتوں تک اپنے مہمانوں کو دیکھتے رہیں اور معلوم کریں کہ کون "
            "رہنے آیا ہے۔",
            "Illustrated title card reading “Build a bug hotel”, on a green and lime background "
            "with soft shapes.": "سبز اور لیموں رنگ کے پس منظر پر نرم شکلوں کے ساتھ تصویری "
            "عنوان کارڈ، جس پر لکھا ہے ”کیڑوں کا ہوٹل بنائیں“۔",
            "I can describe what a minibeast needs to survive": "میں بتا سکتا ہوں کہ ننھے کیڑے "
            "کو زندہ رہنے کے لیے کیا چاہیے",
            "I can choose natural materials for a purpose": "میں کسی کام کے لیے قدرتی چیزیں چن "
            "سکتا ہوں",
            "I can observe and record which animals live in a habitat": "میں دیکھ کر لکھ سکتا "
            "ہوں کہ کسی جگہ کون سے جانور رہتے ہیں",
            "Plastic bottle or small wooden crate": "پلاسٹک کی بوتل یا لکڑی کا چھوٹا کریٹ",
            "A cardboard box lined with a carrier bag": "گتے کا ڈبہ جس کے اندر شاپنگ بیگ بچھا ہو",
            "Sticks, twigs and hollow stems": "لکڑیاں، ٹہنیاں اور کھوکھلے تنے",
            "Dry leaves, bark and pine cones": "سوکھے پتے، چھال اور چیڑ کے کون",
            "String": "ڈوری",
            "Wool or garden twine": "اون یا باغبانی کی ڈوری",
            "Go on a minibeast safari": "ننھے کیڑوں کی سفاری پر چلیں",
            "Look under stones, logs and plant pots. What do you find? Where were they hiding: "
            "somewhere <b>damp</b>, <b>dark</b> or <b>sheltered</b>?": "پتھروں، لکڑی کے "
            "ٹکڑوں اور گملوں کے نیچے دیکھیں۔ آپ کو کیا ملا؟ وہ کہاں چھپے تھے: کسی <b>نم</b>، "
            "<b>اندھیری</b> یا <b>محفوظ</b> جگہ میں؟",
            "Draw or tally each creature you spot.": "جو بھی کیڑا نظر آئے اس کی تصویر بنائیں یا "
            "لکیر لگا کر گنیں۔",
            "Put every stone back where you found it.": "ہر پتھر واپس اسی جگہ رکھیں جہاں سے "
            "اٹھایا تھا۔",
            "Design and build your hotel": "اپنا ہوٹل سوچیں اور بنائیں",
            "Cut the ends off a plastic bottle (a grown-up can help) or use a crate. Pack it "
            "tightly with sticks, hollow stems, leaves and pine cones so that there are lots of "
            "little gaps and tunnels.": "پلاسٹک کی بوتل کے دونوں سرے کاٹ لیں (کوئی بڑا مدد کر "
            "سکتا ہے) یا کریٹ استعمال کریں۔ اس میں لکڑیاں، کھوکھلے تنے، پتے اور چیڑ کے کون "
            "کس کر بھریں تاکہ بہت سی چھوٹی درزیں اور سرنگیں بن جائیں۔",
            "Tie it with string and place it somewhere shady and sheltered, close to the "
            "ground.": "اسے ڈوری سے باندھیں اور زمین کے قریب کسی سایہ دار اور محفوظ جگہ پر رکھ "
            "دیں۔",
            "Guest book": "مہمانوں کا رجسٹر",
            "Check your hotel once a week for a month. Keep a guest book: the date, the weather "
            "and who you found. Which minibeast was your most frequent visitor?": "ایک مہینے "
            "تک ہر ہفتے ایک بار اپنا ہوٹل دیکھیں۔ مہمانوں کا رجسٹر رکھیں: تاریخ، موسم اور کون "
            "ملا۔ کون سا کیڑا سب سے زیادہ آیا؟",
            "Use a picture sheet of common minibeasts (woodlouse, snail, spider, worm, ladybird) "
            "and tick them off.": "عام کیڑوں (وڈ لاؤس، گھونگا، مکڑی، کیچوا، لیڈی برڈ) کی "
            "تصویروں والا کاغذ لیں اور جو ملے اس پر نشان لگائیں۔",
            "Make a key to sort your minibeasts: does it have legs? More than six? Find out what "
            "an <i>invertebrate</i> is.": "اپنے کیڑوں کو الگ الگ کرنے کے لیے سوالوں کی فہرست "
            "بنائیں: کیا اس کی ٹانگیں ہیں؟ چھ سے زیادہ؟ معلوم کریں کہ <i>بے ریڑھ جانور</i> "
            "کسے کہتے ہیں۔",
            "Minibeasts are everywhere, even in a yard or on a balcony: a bug hotel can be as "
            "small as a yoghurt pot stuffed with twigs.": "ننھے کیڑے ہر جگہ ہوتے ہیں، صحن یا "
            "بالکونی میں بھی: کیڑوں کا ہوٹل ٹہنیوں سے بھرے دہی کے ایک ڈبے جتنا چھوٹا بھی ہو "
            "سکتا ہے۔",
            "Wash hands after handling soil, stones and minibeasts.": "مٹی، پتھروں اور کیڑوں کو "
            "چھونے کے بعد ہاتھ دھوئیں۔",
            "Be gentle: look, don't squeeze, and return creatures where you found them.": "نرمی "
            "سے کام لیں: دیکھیں، دبائیں نہیں، اور کیڑوں کو وہیں چھوڑ دیں جہاں سے ملے تھے۔",
            "An adult should cut plastic bottles.": "پلاسٹک کی بوتلیں کوئی بڑا ہی کاٹے۔",
            "Email a photo of your work to office@kingfisher.example.org with your child's class "
            "(not their name) in the subject line, or bring it in to show your teacher.": "اپنے "
            "کام کی تصویر office@kingfisher.example.org پر ای میل کریں اور موضوع میں بچے کی "
            "کلاس لکھیں (نام نہیں)، یا کام اسکول لا کر اپنے استاد کو دکھائیں۔",
        },
    },
    CRESS_HEADS: {
        POLISH: {
            "Grow cress heads": "Wyhoduj rzeżuchowe główki",
            "Grow a cress head from an eggshell or yoghurt pot, give it a face and watch its "
            "hair grow. Measure it every day and finish with an egg and cress sandwich.": "Zrób "
            "główkę ze skorupki jajka albo kubeczka po jogurcie, narysuj jej twarz i patrz, jak "
            "rosną jej włosy z rzeżuchy. Mierz je codziennie, a na koniec zrób kanapkę z jajkiem "
            "i rzeżuchą.",
            "Illustrated title card reading “Grow cress heads”, on a green and lime background "
            "with soft shapes.": "Ilustrowana karta tytułowa z napisem „Wyhoduj rzeżuchowe "
            "główki” na zielono-limonkowym tle z miękkimi kształtami.",
            "I can plant a seed and care for it": "Potrafię zasiać nasiono i o nie dbać",
            "I can say what a plant needs to grow": "Potrafię powiedzieć, czego roślina "
            "potrzebuje do wzrostu",
            "I can measure and compare heights": "Potrafię mierzyć i porównywać wysokość",
            "Cress seeds": "Nasiona rzeżuchy",
            "Empty eggshells or yoghurt pots": "Puste skorupki jajek lub kubeczki po jogurcie",
            "Cotton wool": "Wata",
            "Kitchen roll": "Ręcznik papierowy",
            "Felt-tip pens": "Flamastry",
            "Make your head": "Zrób swoją główkę",
            "Draw a face on an eggshell or pot. Fill it with damp cotton wool and sprinkle cress "
            "seeds on top.": "Narysuj twarz na skorupce albo kubeczku. Włóż do środka wilgotną "
            "watę i posyp ją nasionami rzeżuchy.",
            "Water and wait": "Podlewaj i czekaj",
            "Put it on a sunny windowsill and keep the cotton wool damp. Draw what you see each "
            "day.": "Postaw główkę na słonecznym parapecie i pilnuj, żeby wata była wilgotna. "
            "Codziennie rysuj, co widzisz.",
            "Measure the hair": "Zmierz włosy",
            "Measure the tallest shoot each day with cubes, paper clips or a ruler. Make a "
            "simple chart.": "Codziennie mierz najwyższy kiełek klockami, spinaczami albo "
            "linijką. Zrób prosty wykres.",
            "Haircut and sandwich": "Strzyżenie i kanapka",
            "Give your cress head a haircut with scissors and make an egg and cress "
            "sandwich.": "Obetnij nożyczkami włosy swojej główce i zrób kanapkę z jajkiem i "
            "rzeżuchą.",
            "Grow one pot in a dark cupboard. What is different after four days?": "Postaw "
            "jeden kubeczek w ciemnej szafce. Co jest inaczej po czterech dniach?",
            "Check for egg allergies; an adult helps with scissors.": "Sprawdź, czy nikt nie ma "
            "alergii na jajka; przy nożyczkach pomaga osoba dorosła.",
            "Send a photo to office@oak.example.org or pop your work in the 'Look what I did!' "
            "box in the school reception.": "Wyślij zdjęcie na adres office@oak.example.org "
            "albo wrzuć swoją pracę do pudełka „Zobacz, co zrobiłem!” w sekretariacie szkoły.",
        },
        URDU: {
            "Grow cress heads": "ہالون کے سر اگائیں",
            "Grow a cress head from an eggshell or yoghurt pot, give it a face and watch its "
            "hair grow. Measure it every day and finish with an egg and cress sandwich.": "انڈے "
            "کے چھلکے یا دہی کے ڈبے سے ہالون کا سر بنائیں، اس کا چہرہ بنائیں اور اس کے بال "
            "بڑھتے دیکھیں۔ روز اسے ناپیں اور آخر میں انڈے اور ہالون کا سینڈوچ بنائیں۔",
            "Illustrated title card reading “Grow cress heads”, on a green and lime background "
            "with soft shapes.": "سبز اور لیموں رنگ کے پس منظر پر نرم شکلوں کے ساتھ تصویری "
            "عنوان کارڈ، جس پر لکھا ہے ”ہالون کے سر اگائیں“۔",
            "I can plant a seed and care for it": "میں بیج بو کر اس کی دیکھ بھال کر سکتا ہوں",
            "I can say what a plant needs to grow": "میں بتا سکتا ہوں کہ پودے کو بڑھنے کے لیے "
            "کیا چاہیے",
            "I can measure and compare heights": "میں اونچائی ناپ کر موازنہ کر سکتا ہوں",
            "Cress seeds": "ہالون کے بیج",
            "Empty eggshells or yoghurt pots": "انڈوں کے خالی چھلکے یا دہی کے ڈبے",
            "Cotton wool": "روئی",
            "Kitchen roll": "کچن رول",
            "Felt-tip pens": "مارکر",
            "Make your head": "اپنا سر بنائیں",
            "Draw a face on an eggshell or pot. Fill it with damp cotton wool and sprinkle cress "
            "seeds on top.": "انڈے کے چھلکے یا ڈبے پر چہرہ بنائیں۔ اس میں گیلی روئی بھریں اور "
            "اوپر ہالون کے بیج چھڑک دیں۔",
            "Water and wait": "پانی دیں اور انتظار کریں",
            "Put it on a sunny windowsill and keep the cotton wool damp. Draw what you see each "
            "day.": "اسے دھوپ والی کھڑکی پر رکھیں اور روئی کو گیلا رکھیں۔ روز جو نظر آئے اس کی "
            "تصویر بنائیں۔",
            "Measure the hair": "بال ناپیں",
            "Measure the tallest shoot each day with cubes, paper clips or a ruler. Make a "
            "simple chart.": "روز سب سے لمبی کونپل کو بلاکس، پیپر کلپس یا فٹے سے ناپیں۔ ایک "
            "آسان سا چارٹ بنائیں۔",
            "Haircut and sandwich": "بال کٹائی اور سینڈوچ",
            "Give your cress head a haircut with scissors and make an egg and cress "
            "sandwich.": "قینچی سے اپنے ہالون کے سر کے بال کاٹیں اور انڈے اور ہالون کا سینڈوچ "
            "بنائیں۔",
            "Grow one pot in a dark cupboard. What is different after four days?": "ایک ڈبہ "
            "اندھیری الماری میں رکھیں۔ چار دن بعد کیا فرق نظر آتا ہے؟",
            "Check for egg allergies; an adult helps with scissors.": "دیکھ لیں کہ کسی کو انڈے "
            "سے الرجی تو نہیں؛ قینچی کے کام میں کوئی بڑا مدد کرے۔",
            "Send a photo to office@oak.example.org or pop your work in the 'Look what I did!' "
            "box in the school reception.": "تصویر office@oak.example.org پر بھیجیں یا اپنا کام "
            "اسکول کے استقبالیہ میں رکھے ”دیکھو میں نے کیا بنایا!“ والے ڈبے میں ڈال دیں۔",
        },
    },
    WEEK_OF_KINDNESS: {
        POLISH: {
            "A week of kindness": "Tydzień życzliwości",
            "Five small acts of kindness, one for each day, for the whole family to do together: "
            "kind words, kind hands, kind to our planet, kind to ourselves, kind to our "
            "community.": "Pięć małych dobrych uczynków, po jednym na każdy dzień, dla całej "
            "rodziny: dobre słowa, pomocne ręce, życzliwość dla naszej planety, dla siebie "
            "samych i dla naszej okolicy.",
            "Illustrated title card reading “A week of kindness”, on a pink and raspberry "
            "background with soft shapes.": "Ilustrowana karta tytułowa z napisem „Tydzień "
            "życzliwości” na różowo-malinowym tle z miękkimi kształtami.",
            "I can describe how kindness makes people feel": "Potrafię opisać, jak ludzie czują "
            "się, gdy ktoś jest dla nich życzliwy",
            "I can plan and do a kind act for someone else": "Potrafię zaplanować i zrobić coś "
            "dobrego dla innej osoby",
            "Paper and pens": "Papier i długopisy",
            "A jar": "Słoik",
            "A shoebox": "Pudełko po butach",
            "Kind words": "Dobre słowa",
            "Write or draw a kind note for everyone in your home and hide them where they will "
            "be found.": "Napisz albo narysuj miły liścik dla każdego domownika i schowaj go "
            "tam, gdzie go znajdzie.",
            "Kind hands": "Pomocne ręce",
            "Do a job at home without being asked: lay the table, tidy shoes, water a "
            "plant.": "Zrób coś w domu bez proszenia: nakryj do stołu, poukładaj buty, podlej "
            "kwiatek.",
            "Kind to our planet": "Życzliwi dla naszej planety",
            "Pick up litter on a walk (with gloves) or feed the birds.": "Na spacerze pozbieraj "
            "śmieci (w rękawiczkach) albo dokarm ptaki.",
            "Kind to ourselves": "Życzliwi dla siebie",
            "Write three things you like about yourself, or do something that makes you calm and "
            "happy.": "Zapisz trzy rzeczy, które w sobie lubisz, albo zrób coś, co cię uspokaja "
            "i cieszy.",
            "Kind to our community": "Życzliwi dla naszej okolicy",
            "Make a card for a neighbour, a care home or the school staff. Start a family "
            "kindness jar for the rest of the term.": "Zrób kartkę dla sąsiada, domu opieki "
            "albo pracowników szkoły. Załóżcie rodzinny słoik życzliwości do końca semestru.",
            "Talk at tea time: how did your kind act make the other person feel? How did it make "
            "you feel?": "Porozmawiajcie przy kolacji: jak poczuła się druga osoba dzięki twojemu "
            "dobremu uczynkowi? A jak ty się z tym czułeś?",
            "Wear gloves for litter picking and never touch glass or needles: tell an "
            "adult.": "Śmieci zbieraj w rękawiczkach i nigdy nie dotykaj szkła ani igieł: "
            "powiedz o nich dorosłemu.",
            "Share a photo of your kindness jar with your class teacher.": "Pokaż zdjęcie "
            "swojego słoika życzliwości wychowawcy klasy.",
        },
        URDU: {
            "A week of kindness": "مہربانی کا ہفتہ",
            "Five small acts of kindness, one for each day, for the whole family to do together: "
            "kind words, kind hands, kind to our planet, kind to ourselves, kind to our "
            "community.": "مہربانی کے پانچ چھوٹے کام، ہر دن کے لیے ایک، جو پورا گھرانہ مل کر "
            "کرے: میٹھے بول، مددگار ہاتھ، اپنی زمین پر مہربانی، اپنے آپ پر مہربانی اور اپنے "
            "محلے پر مہربانی۔",
            "Illustrated title card reading “A week of kindness”, on a pink and raspberry "
            "background with soft shapes.": "گلابی اور رس بھری رنگ کے پس منظر پر نرم شکلوں کے "
            "ساتھ تصویری عنوان کارڈ، جس پر لکھا ہے ”مہربانی کا ہفتہ“۔",
            "I can describe how kindness makes people feel": "میں بتا سکتا ہوں کہ مہربانی سے "
            "لوگ کیسا محسوس کرتے ہیں",
            "I can plan and do a kind act for someone else": "میں کسی اور کے لیے مہربانی کا "
            "کوئی کام سوچ کر کر سکتا ہوں",
            "Paper and pens": "کاغذ اور قلم",
            "A jar": "ایک مرتبان",
            "A shoebox": "جوتوں کا ڈبہ",
            "Kind words": "میٹھے بول",
            "Write or draw a kind note for everyone in your home and hide them where they will "
            "be found.": "گھر کے ہر فرد کے لیے ایک پیارا سا پیغام لکھیں یا تصویر بنائیں اور "
            "ایسی جگہ چھپائیں جہاں وہ اسے ڈھونڈ لیں۔",
            "Kind hands": "مددگار ہاتھ",
            "Do a job at home without being asked: lay the table, tidy shoes, water a "
            "plant.": "بغیر کہے گھر کا کوئی کام کریں: دسترخوان لگائیں، جوتے ٹھیک سے رکھیں، "
            "پودے کو پانی دیں۔",
            "Kind to our planet": "اپنی زمین پر مہربانی",
            "Pick up litter on a walk (with gloves) or feed the birds.": "سیر کے دوران "
            "(دستانے پہن کر) کوڑا اٹھائیں یا پرندوں کو دانہ ڈالیں۔",
            "Kind to ourselves": "اپنے آپ پر مہربانی",
            "Write three things you like about yourself, or do something that makes you calm and "
            "happy.": "اپنے بارے میں تین ایسی باتیں لکھیں جو آپ کو پسند ہیں، یا کوئی ایسا کام "
            "کریں جس سے آپ کو سکون اور خوشی ملے۔",
            "Kind to our community": "اپنے محلے پر مہربانی",
            "Make a card for a neighbour, a care home or the school staff. Start a family "
            "kindness jar for the rest of the term.": "کسی پڑوسی، کیئر ہوم یا اسکول کے عملے کے "
            "لیے کارڈ بنائیں۔ باقی ٹرم کے لیے گھر والوں کا مہربانی کا مرتبان شروع کریں۔",
            "Talk at tea time: how did your kind act make the other person feel? How did it make "
            "you feel?": "شام کے کھانے پر بات کریں: آپ کی مہربانی سے دوسرے کو کیسا لگا؟ اور آپ "
            "کو کیسا لگا؟",
            "Wear gloves for litter picking and never touch glass or needles: tell an "
            "adult.": "کوڑا اٹھاتے وقت دستانے پہنیں اور شیشے یا سوئیوں کو کبھی ہاتھ نہ لگائیں: "
            "کسی بڑے کو بتائیں۔",
            "Share a photo of your kindness jar with your class teacher.": "اپنے مہربانی کے "
            "مرتبان کی تصویر اپنے کلاس ٹیچر کو بھیجیں۔",
        },
    },
}
